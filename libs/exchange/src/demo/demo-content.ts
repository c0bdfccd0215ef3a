import type { Constituency, Language, Multilingual } from '@roundtable/core';

/**
 * Roundtable's own demo consultation. Every person, organisation and contribution here is
 * invented for the demo (the places are real, the people and organisations are not).
 */

/** The password of every demo account (and of the default demo organiser). */
export const DEMO_PASSWORD = 'Roundtable-demo-2026';

/** The organiser used when ADMIN_EMAIL / ADMIN_PASSWORD are not configured. */
export const DEFAULT_DEMO_ORGANISER = 'organiser@roundtable.local';

export interface DemoPerson {
  key: string;
  email: string;
  displayName: string;
  organisation: string;
  constituency: Constituency;
  country: string;
  preferredLanguage: Language;
}

export const DEMO_MODERATOR: DemoPerson = {
  key: 'elena',
  email: 'moderator@roundtable.local',
  displayName: 'Elena Rossi',
  organisation: 'Roundtable moderation team',
  constituency: 'international_organisation',
  country: 'IT',
  preferredLanguage: 'en',
};

export const DEMO_RAPPORTEUR: DemoPerson = {
  key: 'kwame',
  email: 'rapporteur@roundtable.local',
  displayName: 'Kwame Mensah',
  organisation: 'Centre for Urban Migration Studies',
  constituency: 'academia',
  country: 'GH',
  preferredLanguage: 'en',
};

const person = (
  key: string,
  email: string,
  displayName: string,
  organisation: string,
  constituency: Constituency,
  country: string,
  preferredLanguage: Language,
): DemoPerson => ({
  key,
  email: `${email}@roundtable.local`,
  displayName,
  organisation,
  constituency,
  country,
  preferredLanguage,
});

/** Twelve participants: every constituency, eleven countries, the three languages. */
export const DEMO_PARTICIPANTS: DemoPerson[] = [
  person('amara', 'amara.sesay', 'Amara Sesay', 'Freetown Neighbourhood Resilience Forum', 'civil_society', 'SL', 'en'),
  person(
    'lucia',
    'lucia.fernandez',
    'Lucía Fernández',
    'Oficina de Gestión del Riesgo, Santa Rosa',
    'local_government',
    'CO',
    'es',
  ),
  person('moussa', 'moussa.diop', 'Moussa Diop', 'Direction nationale des migrations', 'state', 'SN', 'fr'),
  person('sophie', 'sophie.martin', 'Sophie Martin', 'Laboratoire Villes et Mobilités', 'academia', 'FR', 'fr'),
  person('rahim', 'rahim.chowdhury', 'Rahim Chowdhury', "Delta Workers' Rights Network", 'civil_society', 'BD', 'en'),
  person('valeria', 'valeria.cruz', 'Valeria Cruz', 'Red Juvenil Clima y Movilidad', 'youth', 'MX', 'es'),
  person('tevita', 'tevita.fifita', 'Tevita Fifita', 'Ministry of Climate Adaptation', 'state', 'TO', 'en'),
  person('fatou', 'fatou.camara', 'Fatou Camara', "Chambre des métiers d'Abidjan-Sud", 'business', 'CI', 'fr'),
  person(
    'jonas',
    'jonas.weber',
    'Jonas Weber',
    'Cities for Mobility Alliance',
    'international_organisation',
    'DE',
    'en',
  ),
  person('mariajose', 'maria.paredes', 'María José Paredes', 'Casa Andina de Acogida', 'civil_society', 'EC', 'es'),
  person(
    'hamid',
    'hamid.elamrani',
    'Hamid El Amrani',
    'Commune urbaine de Tiznit-Nord',
    'local_government',
    'MA',
    'fr',
  ),
  person('grace', 'grace.wanjiru', 'Grace Wanjiru', 'Nairobi Youth Climate Collective', 'youth', 'KE', 'en'),
];

/** A contribution and its replies; `hoursAgo` places it in the past two weeks (replies come later than their parent). */
export interface DemoPost {
  key: string;
  by: string;
  lang: Language;
  hoursAgo: number;
  body: string;
  replies?: DemoPost[];
}

/** Posted through the normal path in a pre-moderated space: they wait in the moderation queue. */
export interface DemoPendingPost {
  by: string;
  lang: Language;
  body: string;
}

export interface DemoSpace {
  number: number;
  prompt: Multilingual;
  moderation: 'pre' | 'post';
  members: string[];
  threads: DemoPost[];
  pending?: DemoPendingPost[];
}

export interface DemoRoundtable {
  number: number;
  title: Multilingual;
  objectives: string[];
  spaces: DemoSpace[];
}

/** The consultation is recognised by this English title on the next run. */
export const DEMO_CONSULTATION = {
  title: {
    en: 'Cities, Climate and Human Mobility — Demo Consultation 2026',
    fr: 'Villes, climat et mobilité humaine — consultation de démonstration 2026',
    es: 'Ciudades, clima y movilidad humana — consulta de demostración 2026',
  },
  description: {
    en: 'How cities prepare for, receive and include people who move because of climate change. A demonstration: the people, organisations and contributions are fictional.',
    fr: 'Comment les villes se préparent, accueillent et intègrent les personnes qui se déplacent à cause du changement climatique. Démonstration : les personnes, organisations et contributions sont fictives.',
    es: 'Cómo las ciudades se preparan, acogen e integran a las personas que se desplazan a causa del cambio climático. Demostración: las personas, organizaciones y contribuciones son ficticias.',
  },
  timezone: 'Europe/Zurich',
};

export const DEMO_ROUNDTABLES: DemoRoundtable[] = [
  {
    number: 1,
    title: {
      en: "Moving out of harm's way: cities and climate displacement",
      fr: "Se mettre à l'abri : les villes face aux déplacements climatiques",
      es: 'Ponerse a salvo: las ciudades ante los desplazamientos climáticos',
    },
    objectives: [
      'Map what cities already do when people arrive after floods, droughts or storms',
      'Identify the conditions under which communities accept planned relocation as fair',
      'Agree on three priorities for national and international support to cities',
    ],
    spaces: [
      {
        number: 1,
        moderation: 'post',
        prompt: {
          en: 'What have cities done that really helped people arriving after a climate-related disaster? Share examples that worked — and ones that did not.',
          fr: "Qu'est-ce que les villes ont fait qui a vraiment aidé les personnes arrivées après une catastrophe liée au climat ? Partagez des exemples qui ont fonctionné — et d'autres non.",
          es: '¿Qué han hecho las ciudades que realmente haya ayudado a las personas llegadas tras un desastre relacionado con el clima? Comparta ejemplos que funcionaron — y otros que no.',
        },
        members: ['amara', 'lucia', 'moussa', 'tevita', 'grace', 'hamid', 'valeria'],
        threads: [
          {
            key: 'welcome',
            by: 'elena',
            lang: 'en',
            hoursAgo: 330,
            body: 'Welcome to this question! Please tell us about concrete measures: who did what, for whom, and what changed. Write in English, French or Spanish — everyone reads the discussion in their own language.',
          },
          {
            key: 'host-families',
            by: 'amara',
            lang: 'en',
            hoursAgo: 310,
            body: "After last year's floods our forum and the city ran a *first 72 hours* desk at the bus terminal: registration, phone charging, and a list of families ready to host.\n\nThe desk mattered less than the list — people went where someone already knew their name. What failed: nobody planned for month two, when the host families ran out of savings.",
            replies: [
              {
                key: 'host-families-rent',
                by: 'lucia',
                lang: 'es',
                hoursAgo: 300,
                body: 'Nos pasó lo mismo en Santa Rosa. Lo que funcionó el segundo mes fue un subsidio de arriendo de seis meses pagado directamente a las familias anfitrionas, con una visita social cada quince días. Cuesta menos que un albergue y los niños siguen en la misma escuela.',
                replies: [
                  {
                    key: 'host-families-budget',
                    by: 'amara',
                    lang: 'en',
                    hoursAgo: 290,
                    body: 'Paying the host families directly is a great idea. Did the subsidy need a national budget line, or could the municipality decide it alone?',
                    replies: [
                      {
                        key: 'host-families-council',
                        by: 'lucia',
                        lang: 'es',
                        hoursAgo: 280,
                        body: 'Lo aprobó el concejo municipal con recursos del fondo local de gestión del riesgo. La norma nacional no lo prohibía, pero tampoco lo mencionaba: ese vacío es justamente lo que queremos llevar a la mesa redonda.',
                      },
                    ],
                  },
                ],
              },
            ],
          },
          {
            key: 'single-window',
            by: 'hamid',
            lang: 'fr',
            hoursAgo: 240,
            body: "Dans notre commune, le plus utile a été un guichet unique : l'état civil, l'école et le centre de santé y tenaient une permanence commune deux jours par semaine. Les familles déplacées n'avaient plus à refaire cinq fois les mêmes démarches.",
            replies: [
              {
                key: 'single-window-documents',
                by: 'tevita',
                lang: 'en',
                hoursAgo: 220,
                body: 'A single window is exactly what our outer islands asked for. How did you handle people who had lost their identity documents in the disaster?',
                replies: [
                  {
                    key: 'single-window-witnesses',
                    by: 'hamid',
                    lang: 'fr',
                    hoursAgo: 200,
                    body: "Nous acceptions une déclaration sur l'honneur signée par deux témoins, valable six mois, le temps de reconstituer les actes. Le ministère a ensuite validé la pratique par circulaire.",
                  },
                ],
              },
            ],
          },
          {
            key: 'young-people',
            by: 'valeria',
            lang: 'es',
            hoursAgo: 100,
            body: 'Desde las redes juveniles: las ciudades suelen olvidar a los adolescentes. Los espacios deportivos y culturales abiertos a jóvenes recién llegados ayudaron más a su integración que cualquier folleto informativo.',
            replies: [
              {
                key: 'young-people-football',
                by: 'grace',
                lang: 'en',
                hoursAgo: 80,
                body: 'Same in Nairobi: our football league for young people from drought-hit counties became the place where they first heard about jobs and training.',
              },
            ],
          },
        ],
      },
      {
        number: 2,
        moderation: 'pre',
        prompt: {
          en: 'When a community must relocate, how should the decision be taken, and who must have a say?',
          fr: 'Lorsqu’une communauté doit être réinstallée, comment la décision doit-elle être prise, et qui doit avoir voix au chapitre ?',
          es: 'Cuando una comunidad debe reubicarse, ¿cómo debe tomarse la decisión y quién debe tener voz?',
        },
        members: ['tevita', 'sophie', 'mariajose', 'amara', 'jonas', 'lucia'],
        threads: [
          {
            key: 'community-timeline',
            by: 'tevita',
            lang: 'en',
            hoursAgo: 320,
            body: "Relocation has to follow the community's own timeline. Our villages agreed to move only after years of conversations, visits to the new site and guarantees that the graves and church land would stay theirs. A decision taken in the capital in six months would have failed.",
            replies: [
              {
                key: 'community-consent',
                by: 'sophie',
                lang: 'fr',
                hoursAgo: 300,
                body: 'Nos recherches vont dans le même sens : les réinstallations imposées se soldent souvent par un retour des habitants sur le site d’origine. Le consentement se construit ; il ne se recueille pas en une réunion.',
                replies: [
                  {
                    key: 'community-women',
                    by: 'mariajose',
                    lang: 'es',
                    hoursAgo: 270,
                    body: 'Y el consentimiento debe incluir a las mujeres y a quienes no tienen título de propiedad. En los Andes, las consultas solo con los jefes de familia dejaron fuera a la mitad de la comunidad.',
                  },
                ],
              },
            ],
          },
          {
            key: 'funding-standard',
            by: 'jonas',
            lang: 'en',
            hoursAgo: 200,
            body: 'A practical proposal for the roundtable: no relocation should receive international funding unless the affected community has approved the site, the timeline and the livelihood plan.',
            replies: [
              {
                key: 'funding-grievance',
                by: 'amara',
                lang: 'en',
                hoursAgo: 180,
                body: 'I would support that, with one addition: an independent grievance mechanism that people can reach without going through the officials who run the relocation.',
              },
              {
                key: 'funding-receiving-city',
                by: 'lucia',
                lang: 'es',
                hoursAgo: 150,
                body: 'De acuerdo. Añadiría que los municipios receptores también deben participar desde el principio: muchas veces se enteran de la reubicación cuando llegan los camiones.',
              },
            ],
          },
        ],
        pending: [
          {
            by: 'mariajose',
            lang: 'es',
            body: '¿Alguien conoce un caso en el que la comunidad pudiera rechazar el sitio propuesto y elegir otro?',
          },
          {
            by: 'sophie',
            lang: 'fr',
            body: 'Question aux collectivités : comment associez-vous les habitants de la ville d’accueil aux décisions de réinstallation ?',
          },
        ],
      },
    ],
  },
  {
    number: 2,
    title: {
      en: 'Work, skills and belonging in destination cities',
      fr: "Travail, compétences et appartenance dans les villes d'accueil",
      es: 'Trabajo, competencias y pertenencia en las ciudades de destino',
    },
    objectives: [
      'Collect practices that connect newcomers to decent work within months, not years',
      'Understand what blocks the recognition of skills and qualifications',
      'Draft commitments that cities, employers and unions can take together',
    ],
    spaces: [
      {
        number: 1,
        moderation: 'post',
        prompt: {
          en: 'What helps newcomers find decent work quickly, and what stands in the way?',
          fr: "Qu'est-ce qui aide les nouveaux arrivants à trouver rapidement un travail décent, et qu'est-ce qui les en empêche ?",
          es: '¿Qué ayuda a las personas recién llegadas a encontrar rápidamente un trabajo decente y qué se lo impide?',
        },
        members: ['rahim', 'fatou', 'valeria', 'jonas', 'moussa', 'grace', 'hamid'],
        threads: [
          {
            key: 'decent-not-any',
            by: 'rahim',
            lang: 'en',
            hoursAgo: 330,
            body: 'Most people from the delta who reach the capital find work within a week. The problem is the kind of work: garment subcontracting without contracts, construction without helmets. **Decent** work, not any work, should be the test.',
            replies: [
              {
                key: 'decent-apprenticeship',
                by: 'fatou',
                lang: 'fr',
                hoursAgo: 310,
                body: "C'est vrai aussi à Abidjan. Dans l'artisanat, nous avons obtenu qu'un apprentissage de trois mois chez un maître artisan donne droit à une carte professionnelle. Cela protège les jeunes et rassure les clients.",
                replies: [
                  {
                    key: 'decent-card-scope',
                    by: 'jonas',
                    lang: 'en',
                    hoursAgo: 290,
                    body: 'The apprenticeship card is interesting. Is it recognised outside Abidjan, or only by the city?',
                    replies: [
                      {
                        key: 'decent-card-national',
                        by: 'fatou',
                        lang: 'fr',
                        hoursAgo: 270,
                        body: "Pour l'instant seulement dans le district, mais la chambre nationale étudie une reconnaissance dans tout le pays.",
                      },
                    ],
                  },
                ],
              },
            ],
          },
          {
            key: 'qualifications',
            by: 'valeria',
            lang: 'es',
            hoursAgo: 220,
            body: 'El mayor obstáculo que vemos es el reconocimiento de títulos: enfermeras y técnicas que llegan de otras regiones o países tardan dos años en poder ejercer. Mientras tanto trabajan en limpieza.',
            replies: [
              {
                key: 'qualifications-practical-test',
                by: 'moussa',
                lang: 'fr',
                hoursAgo: 200,
                body: "Au Sénégal, nous testons une validation des acquis de l'expérience pour les métiers du bâtiment : une journée d'épreuve pratique au lieu d'un diplôme. Les premiers résultats sont encourageants.",
              },
              {
                key: 'qualifications-digital',
                by: 'grace',
                lang: 'en',
                hoursAgo: 160,
                body: 'Could the same idea work for digital skills? Many young people arriving in cities can repair phones or run social media pages but have no certificate at all.',
              },
            ],
          },
          {
            key: 'public-procurement',
            by: 'hamid',
            lang: 'fr',
            hoursAgo: 60,
            body: 'Une piste pour la table ronde : que les marchés publics de la commune réservent une part aux entreprises qui forment et embauchent des nouveaux arrivants.',
          },
        ],
      },
      {
        number: 2,
        moderation: 'post',
        prompt: {
          en: 'How can cities pay for inclusion services when budgets are tight? Which partnerships or financing models have worked?',
          fr: 'Comment les villes peuvent-elles financer les services d’inclusion quand les budgets sont serrés ? Quels partenariats ou modèles de financement ont fonctionné ?',
          es: '¿Cómo pueden las ciudades financiar los servicios de inclusión cuando los presupuestos son ajustados? ¿Qué alianzas o modelos de financiación han funcionado?',
        },
        members: ['sophie', 'hamid', 'lucia', 'jonas', 'fatou', 'mariajose', 'rahim'],
        threads: [
          {
            key: 'three-models',
            by: 'jonas',
            lang: 'en',
            hoursAgo: 300,
            body: 'Three financing models we see working:\n\n1. a city inclusion fund topped up by national transfers per registered newcomer;\n2. funds pooled between neighbouring municipalities;\n3. development bank credit lines tied to climate adaptation plans.\n\nWhich of these fit your context?',
            replies: [
              {
                key: 'three-models-census',
                by: 'hamid',
                lang: 'fr',
                hoursAgo: 280,
                body: "Le fonds alimenté par des transferts par personne enregistrée nous aiderait beaucoup : aujourd'hui, les dotations de l'État sont calculées sur le recensement d'il y a dix ans.",
              },
              {
                key: 'three-models-advance',
                by: 'lucia',
                lang: 'es',
                hoursAgo: 260,
                body: 'En Colombia el problema es parecido: la ciudad recibe a las personas, pero el presupuesto llega dos años después. Un mecanismo de anticipo sería clave.',
                replies: [
                  {
                    key: 'three-models-cost',
                    by: 'sophie',
                    lang: 'fr',
                    hoursAgo: 230,
                    body: 'Nos données montrent que ce décalage de deux ans coûte plus cher au final : les services d’urgence remplacent les services de base. C’est un argument à chiffrer dans la synthèse.',
                  },
                ],
              },
            ],
          },
          {
            key: 'multi-year',
            by: 'mariajose',
            lang: 'es',
            hoursAgo: 150,
            body: 'Las organizaciones de acogida hacemos gran parte del trabajo sin financiamiento estable. Proponemos convenios plurianuales con los municipios en lugar de proyectos de seis meses.',
            replies: [
              {
                key: 'multi-year-transparency',
                by: 'rahim',
                lang: 'en',
                hoursAgo: 120,
                body: 'Multi-year agreements, yes. And publish them: being open about who funds what makes it harder to cut the money quietly once the news moves on.',
              },
            ],
          },
          {
            key: 'private-sector',
            by: 'fatou',
            lang: 'fr',
            hoursAgo: 30,
            body: 'Le secteur privé peut contribuer davantage : plusieurs entreprises de notre chambre financent déjà des formations, mais personne ne coordonne. Une plateforme municipale simple suffirait pour commencer.',
          },
        ],
      },
    ],
  },
];
