import type { Constituency, Language } from '@roundtable/core';
import type { Region } from '../compile/regions';
import type { ParticipationGroup } from '../compile/summary.types';

/**
 * The fixed wording of a stocktaking summary in one language: headings, the
 * participation sentence, the sentences built around theme labels and figures. Only
 * free text (labels, edits, priorities, quotes) goes through machine translation.
 */
export interface Catalogue {
  title: string;
  draftNotice: string;
  machineNotice: string;
  period(start: string, end: string): string;
  headings: {
    introduction: string;
    participation: string;
    questions: string;
    keyEmphases: string;
    convergence: string;
    priorities: string;
    gaps: string;
    annex: string;
    sources: string;
  };
  /** `verified`: how many of them have a verified organisation and constituency (said when any). */
  participants(total: number, groups: string[], verified?: number): string;
  group(g: ParticipationGroup): string;
  moderators(
    moderators: number,
    moderatorContributions: number,
    total: number,
    participantContributions: number,
  ): string;
  question(
    n: number,
    contributions: number,
    participants: number,
    replies: number,
    moderatorContributions: number,
  ): string;
  emphasis(label: string, contributions: number, questions: number, who: string): string;
  /** A key emphasis: the theme, what it says in one sentence, and who raised it. */
  keyEmphasis(label: string, said: string, who: string): string;
  /** A priority for action: the theme, the clearest call, and who called for it. */
  action(label: string, said: string, who: string): string;
  /** How many countries and which UN M49 regions participants came from. */
  regions(countries: number, regions: string[]): string;
  region: Record<Region, string>;
  /** A region's part in a consultation: its participants, countries and the themes they raised. */
  regionSection(region: string, participants: number, countries: number, themes: string[]): string;
  /** Who raised a theme, and from which regions. */
  from(who: string, regions: string[]): string;
  /** An objective of the roundtable that few or no participants addressed. */
  objectiveGap(number: number, text: string, contributions: number): string;
  convergence(label: string, constituencies: number, who: string, contributions: number): string;
  single(label: string, who: string, contributions: number): string;
  quiet(question: number, contributions: number, participants: number): string;
  questionRef(numbers: number[]): string;
  constituencies: Record<Constituency, string>;
  constituency: Record<Constituency, string>;
  list(items: string[]): string;
  annex: { question: string; moderators: string; total: string; totals: string };
  sourcesLabel: string;
  more(n: number): string;
  stale: string;
}

const s = (n: number, one: string, many: string) => (n === 1 ? one : many);
const cap = (t: string) => (t ? t[0].toUpperCase() + t.slice(1) : t);
const join = (and: string) => (items: string[]) =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;

const en: Catalogue = {
  title: 'Stocktaking summary',
  draftNotice: 'Draft — not published',
  machineNotice: 'Free text in this version is machine-translated and not yet reviewed: it is not the official text.',
  period: (a, b) => `Period: ${a} – ${b}`,
  headings: {
    introduction: 'Introduction',
    participation: 'Participation',
    questions: 'Per question',
    keyEmphases: 'Key emphases',
    convergence: 'Points of convergence across constituencies',
    priorities: 'Priorities for action',
    gaps: 'Gaps',
    annex: 'Annex: contributions by question and constituency',
    sources: 'Sources',
  },
  participants: (n, groups, v) =>
    `${n} ${s(n, 'participant', 'participants')} took part${v ? ` (${v} verified)` : ''}${groups.length ? `: ${join('and')(groups)}` : ''}.`,
  group: (g) => {
    const x = g.participants;
    const y = g.entities;
    const rep = `${x} ${s(x, 'representative', 'representatives')} of ${y}`;
    switch (g.constituency) {
      case 'state':
        return `${rep} ${s(y, 'State', 'States')}`;
      case 'civil_society':
        return `${rep} civil society ${s(y, 'organisation', 'organisations')}`;
      case 'business':
        return `${rep} ${s(y, 'business', 'businesses')}`;
      case 'local_government':
        return `${rep} local or regional ${s(y, 'government', 'governments')}`;
      case 'international_organisation':
        return `${rep} international ${s(y, 'organisation', 'organisations')}`;
      case 'academia':
        return `${rep} academic ${s(y, 'institution', 'institutions')}`;
      case 'youth':
        return `${x} youth ${s(x, 'representative', 'representatives')}`;
      default:
        return `${x} other ${s(x, 'participant', 'participants')}`;
    }
  },
  moderators: (m, mc, total, pc) =>
    mc === 0 && pc === total
      ? s(
          total,
          'The one contribution came from a participant; moderators posted none.',
          `All ${total} contributions came from participants; moderators posted none.`,
        )
      : `Participants posted ${pc} of the ${total} contributions; ${s(m, 'the moderator', `the ${m} moderators`)} posted ${mc}, counted separately.`,
  question: (n, c, p, r, m) =>
    `Question ${n}: ${c} ${s(c, 'contribution', 'contributions')} (${r} ${s(r, 'reply', 'replies')}) from ${p} ${s(p, 'participant', 'participants')}${m ? `, and ${m} by moderators` : ''}.`,
  emphasis: (label, c, q, who) =>
    `${label}: raised in ${c} ${s(c, 'contribution', 'contributions')} across ${q} ${s(q, 'question', 'questions')} by ${who}.`,
  convergence: (label, k, who, c) => `${label}: ${k} constituencies converge — ${who} — in ${c} contributions.`,
  keyEmphasis: (label, said, who) => `${label}: ${said} (raised by ${who})`,
  regions: (c, r) =>
    `They came from ${c} ${s(c, 'country', 'countries')} in ${r.length} ${s(r.length, 'region', 'regions')}: ${join('and')(r)}.`,
  region: { Africa: 'Africa', Americas: 'the Americas', Asia: 'Asia', Europe: 'Europe', Oceania: 'Oceania' },
  from: (who, r) => (r.length ? `${who} — ${join('and')(r)}` : who),
  regionSection: (r, p, c, t) =>
    `${cap(r)}: ${p} ${s(p, 'participant', 'participants')} from ${c} ${s(c, 'country', 'countries')}${t.length ? `; themes raised: ${join('and')(t)}` : ''}.`,
  action: (label, said, who) => `${label}: ${said} (called for by ${who})`,
  objectiveGap: (n, text, c) =>
    `Objective ${n}${text ? ` (${text})` : ''}: ${c === 0 ? 'no contribution addressed it' : `only ${c} ${s(c, 'contribution', 'contributions')} addressed it`}.`,
  single: (label, who, c) => `${label}: raised only by ${who} (${c} ${s(c, 'contribution', 'contributions')}).`,
  quiet: (q, c, p) =>
    `Question ${q} received only ${c} ${s(c, 'contribution', 'contributions')} from ${p} ${s(p, 'participant', 'participants')}.`,
  questionRef: (ns) => `(${s(ns.length, 'question', 'questions')} ${ns.join(', ')})`,
  constituencies: {
    state: 'States',
    civil_society: 'civil society',
    business: 'business',
    local_government: 'local and regional governments',
    international_organisation: 'international organisations',
    youth: 'youth',
    academia: 'academia',
    other: 'other participants',
  },
  constituency: {
    state: 'State',
    civil_society: 'civil society',
    business: 'business',
    local_government: 'local government',
    international_organisation: 'international organisation',
    youth: 'youth',
    academia: 'academia',
    other: 'other',
  },
  list: join('and'),
  annex: { question: 'Question', moderators: 'Moderators', total: 'Total', totals: 'All questions' },
  sourcesLabel: 'Sources',
  more: (n) => `and ${n} more`,
  stale: '(no longer found in the discussion)',
};

const fr: Catalogue = {
  title: 'Synthèse du bilan',
  draftNotice: 'Projet — non publié',
  machineNotice:
    'Le texte libre de cette version est traduit automatiquement et n’a pas encore été relu : ce n’est pas le texte officiel.',
  period: (a, b) => `Période : ${a} – ${b}`,
  headings: {
    introduction: 'Introduction',
    participation: 'Participation',
    questions: 'Par question',
    keyEmphases: 'Points saillants',
    convergence: 'Points de convergence entre groupes',
    priorities: 'Priorités d’action',
    gaps: 'Lacunes',
    annex: 'Annexe : contributions par question et par groupe',
    sources: 'Sources',
  },
  participants: (n, groups, v) =>
    `${n} ${s(n, 'participant a', 'participants ont')} pris part${v ? ` (${v} ${s(v, 'vérifié', 'vérifiés')})` : ''}${groups.length ? ` : ${join('et')(groups)}` : ''}.`,
  group: (g) => {
    const x = g.participants;
    const y = g.entities;
    const rep = `${x} ${s(x, 'représentant', 'représentants')} de ${y}`;
    switch (g.constituency) {
      case 'state':
        return `${rep} ${s(y, 'État', 'États')}`;
      case 'civil_society':
        return `${rep} ${s(y, 'organisation', 'organisations')} de la société civile`;
      case 'business':
        return `${rep} ${s(y, 'entreprise', 'entreprises')}`;
      case 'local_government':
        return `${rep} ${s(y, 'collectivité locale ou régionale', 'collectivités locales ou régionales')}`;
      case 'international_organisation':
        return `${rep} ${s(y, 'organisation internationale', 'organisations internationales')}`;
      case 'academia':
        return `${rep} ${s(y, 'institution universitaire', 'institutions universitaires')}`;
      case 'youth':
        return `${x} ${s(x, 'représentant', 'représentants')} de la jeunesse`;
      default:
        return `${x} ${s(x, 'autre participant', 'autres participants')}`;
    }
  },
  moderators: (m, mc, total, pc) =>
    mc === 0 && pc === total
      ? s(
          total,
          'L’unique contribution vient d’un participant ; les modérateurs n’en ont publié aucune.',
          `Les ${total} contributions viennent toutes des participants ; les modérateurs n’en ont publié aucune.`,
        )
      : `Les participants ont publié ${pc} des ${total} contributions ; ${s(m, 'le modérateur', `les ${m} modérateurs`)} en ${s(m, 'a', 'ont')} publié ${mc}, comptées à part.`,
  question: (n, c, p, r, m) =>
    `Question ${n} : ${c} ${s(c, 'contribution', 'contributions')} (${r} ${s(r, 'réponse', 'réponses')}) de ${p} ${s(p, 'participant', 'participants')}${m ? `, et ${m} des modérateurs` : ''}.`,
  emphasis: (label, c, q, who) =>
    `${label} : évoqué dans ${c} ${s(c, 'contribution', 'contributions')} sur ${q} ${s(q, 'question', 'questions')} par ${who}.`,
  convergence: (label, k, who, c) => `${label} : ${k} groupes convergent — ${who} — dans ${c} contributions.`,
  keyEmphasis: (label, said, who) => `${label} : ${said} (évoqué par ${who})`,
  regions: (c, r) => `Ils venaient de ${c} pays de ${r.length} ${s(r.length, 'région', 'régions')} : ${join('et')(r)}.`,
  region: { Africa: 'Afrique', Americas: 'Amériques', Asia: 'Asie', Europe: 'Europe', Oceania: 'Océanie' },
  from: (who, r) => (r.length ? `${who} — ${join('et')(r)}` : who),
  regionSection: (r, p, c, t) =>
    `${cap(r)} : ${p} ${s(p, 'participant', 'participants')} de ${c} pays${t.length ? ` ; thèmes évoqués : ${join('et')(t)}` : ''}.`,
  action: (label, said, who) => `${label} : ${said} (demandé par ${who})`,
  objectiveGap: (n, text, c) =>
    `Objectif ${n}${text ? ` (${text})` : ''} : ${c === 0 ? 'aucune contribution ne l’a abordé' : `seulement ${c} ${s(c, 'contribution l’a abordé', 'contributions l’ont abordé')}`}.`,
  single: (label, who, c) => `${label} : évoqué uniquement par ${who} (${c} ${s(c, 'contribution', 'contributions')}).`,
  quiet: (q, c, p) =>
    `La question ${q} n’a reçu que ${c} ${s(c, 'contribution', 'contributions')} de ${p} ${s(p, 'participant', 'participants')}.`,
  questionRef: (ns) => `(${s(ns.length, 'question', 'questions')} ${ns.join(', ')})`,
  constituencies: {
    state: 'les États',
    civil_society: 'la société civile',
    business: 'le secteur privé',
    local_government: 'les collectivités locales et régionales',
    international_organisation: 'les organisations internationales',
    youth: 'la jeunesse',
    academia: 'le monde universitaire',
    other: 'd’autres participants',
  },
  constituency: {
    state: 'État',
    civil_society: 'société civile',
    business: 'secteur privé',
    local_government: 'collectivité locale',
    international_organisation: 'organisation internationale',
    youth: 'jeunesse',
    academia: 'monde universitaire',
    other: 'autre',
  },
  list: join('et'),
  annex: { question: 'Question', moderators: 'Modérateurs', total: 'Total', totals: 'Toutes les questions' },
  sourcesLabel: 'Sources',
  more: (n) => `et ${n} de plus`,
  stale: '(ne figure plus dans la discussion)',
};

const es: Catalogue = {
  title: 'Resumen del balance',
  draftNotice: 'Borrador — no publicado',
  machineNotice: 'El texto libre de esta versión es una traducción automática aún no revisada: no es el texto oficial.',
  period: (a, b) => `Período: ${a} – ${b}`,
  headings: {
    introduction: 'Introducción',
    participation: 'Participación',
    questions: 'Por pregunta',
    keyEmphases: 'Énfasis principales',
    convergence: 'Puntos de convergencia entre grupos',
    priorities: 'Prioridades de acción',
    gaps: 'Lagunas',
    annex: 'Anexo: contribuciones por pregunta y grupo',
    sources: 'Fuentes',
  },
  participants: (n, groups, v) =>
    `${s(n, 'Participó', 'Participaron')} ${n} ${s(n, 'persona', 'personas')}${v ? ` (${v} ${s(v, 'verificada', 'verificadas')})` : ''}${groups.length ? `: ${join('y')(groups)}` : ''}.`,
  group: (g) => {
    const x = g.participants;
    const y = g.entities;
    const rep = `${x} ${s(x, 'representante', 'representantes')} de ${y}`;
    switch (g.constituency) {
      case 'state':
        return `${rep} ${s(y, 'Estado', 'Estados')}`;
      case 'civil_society':
        return `${rep} ${s(y, 'organización', 'organizaciones')} de la sociedad civil`;
      case 'business':
        return `${rep} ${s(y, 'empresa', 'empresas')}`;
      case 'local_government':
        return `${rep} ${s(y, 'gobierno local o regional', 'gobiernos locales o regionales')}`;
      case 'international_organisation':
        return `${rep} ${s(y, 'organización internacional', 'organizaciones internacionales')}`;
      case 'academia':
        return `${rep} ${s(y, 'institución académica', 'instituciones académicas')}`;
      case 'youth':
        return `${x} ${s(x, 'representante', 'representantes')} de la juventud`;
      default:
        return `${x} ${s(x, 'otro participante', 'otros participantes')}`;
    }
  },
  moderators: (m, mc, total, pc) =>
    mc === 0 && pc === total
      ? s(
          total,
          'La única contribución es de un participante; los moderadores no publicaron ninguna.',
          `Las ${total} contribuciones son todas de participantes; los moderadores no publicaron ninguna.`,
        )
      : `Los participantes publicaron ${pc} de las ${total} contribuciones; ${s(m, 'el moderador publicó', `los ${m} moderadores publicaron`)} ${mc}, contadas aparte.`,
  question: (n, c, p, r, m) =>
    `Pregunta ${n}: ${c} ${s(c, 'contribución', 'contribuciones')} (${r} ${s(r, 'respuesta', 'respuestas')}) de ${p} ${s(p, 'participante', 'participantes')}${m ? `, y ${m} de los moderadores` : ''}.`,
  emphasis: (label, c, q, who) =>
    `${label}: planteado en ${c} ${s(c, 'contribución', 'contribuciones')} en ${q} ${s(q, 'pregunta', 'preguntas')} por ${who}.`,
  convergence: (label, k, who, c) => `${label}: ${k} grupos convergen — ${who} — en ${c} contribuciones.`,
  keyEmphasis: (label, said, who) => `${label}: ${said} (planteado por ${who})`,
  regions: (c, r) =>
    `Procedían de ${c} ${s(c, 'país', 'países')} de ${r.length} ${s(r.length, 'región', 'regiones')}: ${join('y')(r)}.`,
  region: { Africa: 'África', Americas: 'las Américas', Asia: 'Asia', Europe: 'Europa', Oceania: 'Oceanía' },
  from: (who, r) => (r.length ? `${who} — ${join('y')(r)}` : who),
  regionSection: (r, p, c, t) =>
    `${cap(r)}: ${p} ${s(p, 'participante', 'participantes')} de ${c} ${s(c, 'país', 'países')}${t.length ? `; temas planteados: ${join('y')(t)}` : ''}.`,
  action: (label, said, who) => `${label}: ${said} (pedido por ${who})`,
  objectiveGap: (n, text, c) =>
    `Objetivo ${n}${text ? ` (${text})` : ''}: ${c === 0 ? 'ninguna contribución lo abordó' : `solo ${c} ${s(c, 'contribución lo abordó', 'contribuciones lo abordaron')}`}.`,
  single: (label, who, c) => `${label}: planteado solo por ${who} (${c} ${s(c, 'contribución', 'contribuciones')}).`,
  quiet: (q, c, p) =>
    `La pregunta ${q} solo recibió ${c} ${s(c, 'contribución', 'contribuciones')} de ${p} ${s(p, 'participante', 'participantes')}.`,
  questionRef: (ns) => `(${s(ns.length, 'pregunta', 'preguntas')} ${ns.join(', ')})`,
  constituencies: {
    state: 'los Estados',
    civil_society: 'la sociedad civil',
    business: 'el sector privado',
    local_government: 'los gobiernos locales y regionales',
    international_organisation: 'las organizaciones internacionales',
    youth: 'la juventud',
    academia: 'el mundo académico',
    other: 'otros participantes',
  },
  constituency: {
    state: 'Estado',
    civil_society: 'sociedad civil',
    business: 'sector privado',
    local_government: 'gobierno local',
    international_organisation: 'organización internacional',
    youth: 'juventud',
    academia: 'mundo académico',
    other: 'otro',
  },
  list: join('y'),
  annex: { question: 'Pregunta', moderators: 'Moderadores', total: 'Total', totals: 'Todas las preguntas' },
  sourcesLabel: 'Fuentes',
  more: (n) => `y ${n} más`,
  stale: '(ya no aparece en la discusión)',
};

export const CATALOGUES: Record<Language, Catalogue> = { en, fr, es };
