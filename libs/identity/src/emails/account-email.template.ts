import { MAIL_LINK_STYLE, mailLayout } from '@roundtable/mail';
import type { Catalogue, MailTemplateSource } from '@roundtable/mail';

/**
 * The three account emails share one template: `keys` holds the catalogue keys of the
 * kind (`verify.intro`, `reset.intro`, `new_device.intro` …); the new-device notice links
 * to the security settings.
 */
const MJML = mailLayout({
  subtitle: `{{t keys.heading}}`,
  sections: `
    <mj-section background-color="#ffffff" padding="16px 0 0 0">
      <mj-column>
        <mj-text>
          <p style="margin:0 0 8px 0">{{t 'greeting' name=name}}</p>
          <p style="margin:0 0 8px 0">{{t keys.intro device=device at=at}}</p>
        </mj-text>
        <mj-button href="{{link}}" background-color="#1f3a5f" color="#ffffff" font-size="16px" align="left">{{t keys.button}}</mj-button>
        <mj-text>
          <p style="margin:0 0 4px 0;font-size:13px;color:#4b5563">{{t 'linkIntro'}}</p>
          <p style="margin:0 0 12px 0;font-size:13px;word-break:break-all"><a href="{{link}}" style="${MAIL_LINK_STYLE}">{{link}}</a></p>
        </mj-text>
        <mj-text><p style="margin:0 0 8px 0">{{t keys.outro}}</p></mj-text>
      </mj-column>
    </mj-section>`,
  footer: `{{t 'footer'}}`,
});

const TEXT = `{{consultation}}
{{t keys.heading}}

{{t "greeting" name=name}}

{{t keys.intro device=device at=at}}

{{t keys.button}}: {{link}}

{{t keys.outro}}

--
{{t "footer"}}
`;

const EN: Catalogue = {
  heading: 'Your Roundtable account',
  preheader: 'A message about your Roundtable account.',
  greeting: 'Hello {name},',
  linkIntro: 'Or open this address in your browser:',
  footer: 'Sent by Roundtable about your account. You receive it because this address is registered.',
  'verify.subject': 'Confirm your email address for Roundtable',
  'verify.heading': 'Confirm your email address',
  'verify.intro':
    'Please confirm that this address is yours. Until you do, you can read the consultations but not post.',
  'verify.button': 'Confirm my address',
  'verify.outro': 'If you did not create a Roundtable account, ignore this email.',
  'reset.subject': 'Reset your Roundtable password',
  'reset.heading': 'Choose a new password',
  'reset.intro':
    'Someone (we hope you) asked to reset the password of your account. The link works once, within the hour.',
  'reset.button': 'Choose a new password',
  'reset.outro': 'If you did not ask for this, ignore this email: your password stays as it is.',
  'new_device.subject': 'New sign-in to your Roundtable account',
  'new_device.heading': 'A new device signed in',
  'new_device.intro': 'Your account was signed in from a device not seen before ({device}) at {at} UTC.',
  'new_device.button': 'Review your signed-in devices',
  'new_device.outro': 'If this was not you, change your password now and sign out everywhere (Settings → Security).',
};

const FR: Catalogue = {
  heading: 'Votre compte Roundtable',
  preheader: 'Un message au sujet de votre compte Roundtable.',
  greeting: 'Bonjour {name},',
  linkIntro: 'Ou ouvrez cette adresse dans votre navigateur :',
  footer: 'Envoyé par Roundtable au sujet de votre compte. Vous le recevez car cette adresse y est enregistrée.',
  'verify.subject': 'Confirmez votre adresse e-mail pour Roundtable',
  'verify.heading': 'Confirmez votre adresse e-mail',
  'verify.intro':
    'Merci de confirmer que cette adresse est la vôtre. En attendant, vous pouvez lire les consultations mais pas publier.',
  'verify.button': 'Confirmer mon adresse',
  'verify.outro': 'Si vous n’avez pas créé de compte Roundtable, ignorez ce message.',
  'reset.subject': 'Réinitialisez votre mot de passe Roundtable',
  'reset.heading': 'Choisissez un nouveau mot de passe',
  'reset.intro':
    'Quelqu’un (vous, espérons-le) a demandé à réinitialiser le mot de passe de votre compte. Le lien fonctionne une fois, dans l’heure.',
  'reset.button': 'Choisir un nouveau mot de passe',
  'reset.outro':
    'Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.',
  'new_device.subject': 'Nouvelle connexion à votre compte Roundtable',
  'new_device.heading': 'Un nouvel appareil s’est connecté',
  'new_device.intro': 'Votre compte a été ouvert depuis un appareil jamais vu ({device}) le {at} UTC.',
  'new_device.button': 'Voir vos appareils connectés',
  'new_device.outro':
    'Si ce n’était pas vous, changez votre mot de passe et déconnectez-vous partout (Paramètres → Sécurité).',
};

const ES: Catalogue = {
  heading: 'Su cuenta de Roundtable',
  preheader: 'Un mensaje sobre su cuenta de Roundtable.',
  greeting: 'Hola {name}:',
  linkIntro: 'O abra esta dirección en su navegador:',
  footer: 'Enviado por Roundtable sobre su cuenta. Lo recibe porque esta dirección está registrada.',
  'verify.subject': 'Confirme su dirección de correo para Roundtable',
  'verify.heading': 'Confirme su dirección de correo',
  'verify.intro': 'Confirme que esta dirección es suya. Mientras tanto puede leer las consultas, pero no publicar.',
  'verify.button': 'Confirmar mi dirección',
  'verify.outro': 'Si no creó una cuenta de Roundtable, ignore este mensaje.',
  'reset.subject': 'Restablezca su contraseña de Roundtable',
  'reset.heading': 'Elija una contraseña nueva',
  'reset.intro':
    'Alguien (esperamos que usted) pidió restablecer la contraseña de su cuenta. El enlace sirve una vez, durante una hora.',
  'reset.button': 'Elegir una contraseña nueva',
  'reset.outro': 'Si no lo pidió, ignore este mensaje: su contraseña no cambia.',
  'new_device.subject': 'Nuevo inicio de sesión en su cuenta de Roundtable',
  'new_device.heading': 'Un dispositivo nuevo inició sesión',
  'new_device.intro': 'Se inició sesión en su cuenta desde un dispositivo nunca visto ({device}) el {at} UTC.',
  'new_device.button': 'Ver sus dispositivos conectados',
  'new_device.outro':
    'Si no fue usted, cambie su contraseña y cierre la sesión en todas partes (Configuración → Seguridad).',
};

export const ACCOUNT_EMAIL_TEMPLATE: MailTemplateSource = {
  name: 'account-email',
  subject: '{{t keys.subject}}',
  mjml: MJML,
  text: TEXT,
  catalogues: { en: EN, fr: FR, es: ES },
};
