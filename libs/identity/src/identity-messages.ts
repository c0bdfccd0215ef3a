import { messages } from '@roundtable/core';

/** What accounts, sign-in, sessions and the access checks refuse with. */
export const IDENTITY_MESSAGES = messages({
  verificationLinkUsed: {
    en: 'This confirmation link was already used or has expired; ask for a new one in your settings',
    fr: 'Ce lien de confirmation a déjà servi ou a expiré ; demandez-en un nouveau dans vos paramètres',
    es: 'Este enlace de confirmación ya se usó o ha caducado; pida uno nuevo en su configuración',
  },
  alreadyVerified: {
    en: 'Your email address is already confirmed',
    fr: 'Votre adresse e-mail est déjà confirmée',
    es: 'Su dirección de correo ya está confirmada',
  },
  verificationJustSent: {
    en: 'A confirmation email was sent a moment ago; check your inbox',
    fr: 'Un e-mail de confirmation vient d’être envoyé ; consultez votre boîte de réception',
    es: 'Se acaba de enviar un correo de confirmación; revise su bandeja de entrada',
  },
  deletionWrongPassword: {
    en: 'The password is not correct; your account was not deleted',
    fr: 'Le mot de passe est incorrect ; votre compte n’a pas été supprimé',
    es: 'La contraseña no es correcta; su cuenta no se ha eliminado',
  },
  organiserCannotDelete: {
    en: 'An organiser account cannot delete itself; another organiser must remove the role first',
    fr: 'Un compte d’organisateur ne peut pas se supprimer lui-même ; un autre organisateur doit d’abord lui retirer ce rôle',
    es: 'Una cuenta de organizador no puede eliminarse a sí misma; otro organizador debe quitarle antes ese rol',
  },
  currentPasswordIncorrect: {
    en: 'Your current password is incorrect',
    fr: 'Votre mot de passe actuel est incorrect',
    es: 'Su contraseña actual es incorrecta',
  },
  tooManyResets: {
    en: 'Too many password reset requests; try again later',
    fr: 'Trop de demandes de réinitialisation du mot de passe ; réessayez plus tard',
    es: 'Demasiadas solicitudes de restablecimiento de contraseña; inténtelo de nuevo más tarde',
  },
  resetUnavailable: {
    en: 'Password reset is briefly unavailable; try again in a moment',
    fr: 'La réinitialisation du mot de passe est momentanément indisponible ; réessayez dans un instant',
    es: 'El restablecimiento de contraseña no está disponible por un momento; inténtelo de nuevo enseguida',
  },
  resetLinkUsed: {
    en: 'This reset link was already used or has expired; ask for a new one',
    fr: 'Ce lien de réinitialisation a déjà servi ou a expiré ; demandez-en un nouveau',
    es: 'Este enlace de restablecimiento ya se usó o ha caducado; pida uno nuevo',
  },
  tooManyAccounts: {
    en: 'Too many accounts created from this address; try again later',
    fr: 'Trop de comptes créés depuis cette adresse ; réessayez plus tard',
    es: 'Se han creado demasiadas cuentas desde esta dirección; inténtelo de nuevo más tarde',
  },
  registrationUnavailable: {
    en: 'Registration is briefly unavailable; try again in a moment',
    fr: 'L’inscription est momentanément indisponible ; réessayez dans un instant',
    es: 'El registro no está disponible por un momento; inténtelo de nuevo enseguida',
  },
  emailTaken: {
    en: 'An account with this email already exists',
    fr: 'Un compte existe déjà avec cette adresse e-mail',
    es: 'Ya existe una cuenta con este correo electrónico',
  },
  invalidLogin: {
    en: 'Email or password is incorrect',
    fr: 'Adresse e-mail ou mot de passe incorrect',
    es: 'El correo electrónico o la contraseña no son correctos',
  },
  codeRequired: {
    en: 'Enter the 6-digit code from your authenticator app (or a recovery code)',
    fr: 'Saisissez le code à 6 chiffres de votre application d’authentification (ou un code de secours)',
    es: 'Introduzca el código de 6 dígitos de su aplicación de autenticación (o un código de recuperación)',
  },
  signInCodeWrong: {
    en: 'That code is not right; enter the current code from your authenticator app',
    fr: 'Ce code est erroné ; saisissez le code actuel de votre application d’authentification',
    es: 'Ese código no es correcto; introduzca el código actual de su aplicación de autenticación',
  },
  sessionEnded: {
    en: 'This device is no longer signed in; sign in again',
    fr: 'Cet appareil n’est plus connecté ; reconnectez-vous',
    es: 'Este dispositivo ya no tiene la sesión iniciada; vuelva a iniciar sesión',
  },
  signInUnavailable: {
    en: 'Sign-in is temporarily unavailable ({reason})',
    fr: 'La connexion est momentanément indisponible ({reason})',
    es: 'El inicio de sesión no está disponible por el momento ({reason})',
  },
  tooManySignInFailures: {
    en: 'Too many failed sign-in attempts; try again in a minute',
    fr: 'Trop de tentatives de connexion échouées ; réessayez dans une minute',
    es: 'Demasiados intentos fallidos de inicio de sesión; inténtelo de nuevo dentro de un minuto',
  },
  noRefreshCookie: {
    en: 'This device is not signed in (no refresh cookie)',
    fr: 'Cet appareil n’est pas connecté (pas de cookie de renouvellement)',
    es: 'Este dispositivo no tiene la sesión iniciada (no hay cookie de renovación)',
  },
  routeUnavailable: {
    en: 'This route is not available',
    fr: 'Cette route n’est pas disponible',
    es: 'Esta ruta no está disponible',
  },
  staffTwoFactor: {
    en: 'Staff accounts must turn on two-factor sign-in (Settings → Security) before this action',
    fr: 'Les comptes de l’équipe doivent activer la connexion en deux étapes (Paramètres → Sécurité) avant cette action',
    es: 'Las cuentas del equipo deben activar el inicio de sesión en dos pasos (Configuración → Seguridad) antes de esta acción',
  },
  signInFirst: {
    en: 'Sign in first: missing or invalid access token',
    fr: 'Connectez-vous d’abord : jeton d’accès absent ou non valide',
    es: 'Inicie sesión primero: falta el token de acceso o no es válido',
  },
  organisersOnly: {
    en: 'Only organisers may do this',
    fr: 'Seuls les organisateurs peuvent faire cela',
    es: 'Solo los organizadores pueden hacer esto',
  },
  joinFirst: {
    en: 'Join this space first',
    fr: 'Rejoignez d’abord cet espace',
    es: 'Únase primero a este espacio',
  },
  noRoundtableRole: {
    en: 'You hold no role in this roundtable',
    fr: 'Vous n’avez aucun rôle dans cette table ronde',
    es: 'No tiene ningún rol en esta mesa redonda',
  },
  moderatorsOnly: {
    en: 'Only moderators of this space may do this',
    fr: 'Seuls les modérateurs de cet espace peuvent faire cela',
    es: 'Solo los moderadores de este espacio pueden hacer esto',
  },
  rapporteursOnly: {
    en: 'Only rapporteurs of this roundtable may do this',
    fr: 'Seuls les rapporteurs de cette table ronde peuvent faire cela',
    es: 'Solo los relatores de esta mesa redonda pueden hacer esto',
  },
  staffOnly: {
    en: 'Only moderators and rapporteurs may do this',
    fr: 'Seuls les modérateurs et les rapporteurs peuvent faire cela',
    es: 'Solo los moderadores y los relatores pueden hacer esto',
  },
  suspended: {
    en: 'You are suspended in this space until {until}',
    fr: 'Votre participation à cet espace est suspendue jusqu’à {until}',
    es: 'Su participación en este espacio está suspendida hasta {until}',
  },
  unverified: {
    en: 'Confirm your email address before posting: open the link we sent you (or ask for a new one in your settings)',
    fr: 'Confirmez votre adresse e-mail avant de publier : ouvrez le lien que nous vous avons envoyé (ou demandez-en un nouveau dans vos paramètres)',
    es: 'Confirme su dirección de correo antes de publicar: abra el enlace que le enviamos (o pida uno nuevo en su configuración)',
  },
  crossOrigin: {
    en: 'This request must come from the Roundtable web app itself',
    fr: 'Cette requête doit venir de l’application web Roundtable elle-même',
    es: 'Esta solicitud debe proceder de la propia aplicación web de Roundtable',
  },
  twoFactorAlreadyOn: {
    en: 'Two-factor sign-in is already on; turn it off first to enrol a new app',
    fr: 'La connexion en deux étapes est déjà activée ; désactivez-la d’abord pour enregistrer une nouvelle application',
    es: 'El inicio de sesión en dos pasos ya está activado; desactívelo primero para registrar una nueva aplicación',
  },
  noEnrolment: {
    en: 'Start the enrolment first (POST /me/two-factor)',
    fr: 'Commencez d’abord l’enregistrement (POST /me/two-factor)',
    es: 'Comience primero el registro (POST /me/two-factor)',
  },
  enrolmentCodeWrong: {
    en: 'That code is not right; enter the current 6-digit code from your app',
    fr: 'Ce code est erroné ; saisissez le code à 6 chiffres actuel de votre application',
    es: 'Ese código no es correcto; introduzca el código actual de 6 dígitos de su aplicación',
  },
  passwordIncorrect: {
    en: 'Password is incorrect',
    fr: 'Le mot de passe est incorrect',
    es: 'La contraseña no es correcta',
  },
  passwordRule: {
    en: 'password must be 10–200 characters and contain a letter and a digit or symbol',
    fr: 'password doit compter de 10 à 200 caractères et contenir une lettre et un chiffre ou un symbole',
    es: 'password debe tener entre 10 y 200 caracteres y contener una letra y un dígito o un símbolo',
  },
  // fields of its requests, where the generic wording of the failed constraint would say less
  digestWeeklyOrOff: {
    en: 'digest must be weekly or off',
    fr: 'digest doit valoir weekly ou off',
    es: 'digest debe ser weekly u off',
  },
  searchTooLong: {
    en: 'q must be at most {max} characters',
    fr: 'q doit compter au plus {max} caractères',
    es: 'q debe tener como máximo {max} caracteres',
  },
  searchControlCharacters: {
    en: 'q must not contain control characters',
    fr: 'q ne doit pas contenir de caractères de contrôle',
    es: 'q no debe contener caracteres de control',
  },
});
