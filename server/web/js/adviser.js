// Adviser view: the job seeker's profile form and the ranked GEN trainings with their reasons.

import * as api from './api.js';
import { h, replaceChildren, uniqueId, asArray } from './dom.js';
import { autocomplete } from './autocomplete.js';
import { ChipList } from './chips.js';
import { highlightText } from './highlight.js';
import { scoreBars } from './chart.js';
import { showLoading, doneLoading, errorBox, announce, submitOneAtATime } from './feedback.js';
import { formatDate, formatDistance, formatShare, formatInteger, formatDecimal, modalityLabel, levelLabel, plural } from './format.js';

const SCORE_LABELS = {
  gap_coverage: 'Compétences visées',
  target_fit: 'Métier visé',
  level_fit: 'Niveau',
  distance: 'Proximité',
  next_session: 'Prochaine session',
  demand: 'Demande régionale',
  modality_fit: 'Modalité préférée',
  public_fit: 'Public prioritaire',
};

/** French names of the funding codes. */
const FUNDING_LABELS = {
  gratuit: 'gratuite pour l’apprenant',
  france_travail: 'France Travail',
  region: 'Région',
  cpf: 'CPF',
  opco: 'OPCO',
  etat: 'État',
  entreprise: 'employeur',
  personnel: 'financement personnel',
  agefiph: 'Agefiph',
  autre: 'autre financeur',
};

/** Fundings a job seeker can get a place paid by. */
const JOB_SEEKER_FUNDING = ['gratuit', 'france_travail', 'region', 'etat', 'agefiph'];

/** Situation flags and the checkbox that sets each. */
const SITUATION_INPUTS = {
  job_seeker: 'job-seeker-input',
  young: 'young-input',
  woman: 'woman-input',
  qpv: 'qpv-input',
  zrr: 'zrr-input',
  low_qualified: 'low-qualified-input',
  rqth: 'rqth-input',
  employed: 'employed-input',
};

function fundingText(t) {
  const funding = asArray(t.funding);
  return funding.length ? funding.map((f) => FUNDING_LABELS[f] ?? f.replaceAll('_', ' ')).join(', ') : 'Non précisé';
}

function accessibilityText(t) {
  const contact = t.disability_contact ? ` · contact : ${t.disability_contact}` : '';
  if (t.accessible_rqth === true) return `Accessible aux personnes en situation de handicap${contact}`;
  if (t.accessible_rqth === false) return `Non accessible aux personnes en situation de handicap${contact}`;
  return `Non précisée${contact}`;
}

/** French explanation of one `excluded` count; unknown reasons still read sensibly. */
function excludedText(reason, n, profile) {
  // Exactly the codes the engine's ranker counts (`Exclusion` in engine/src/rank/); a
  // test of the server checks that the two lists stay the same.
  const explanations = {
    funding: 'sans financement parmi ceux retenus',
    label_expired: 'dont le label GEN a expiré',
    level_prerequisite: 'qui demandent un niveau d’entrée plus élevé que le niveau actuel',
    modality: 'dans une modalité non retenue',
    no_upcoming_session: 'sans session à venir après la date de disponibilité',
    not_accessible: 'non accessibles aux personnes en situation de handicap',
    not_relevant: 'sans lien avec le métier visé ni avec les compétences à acquérir',
    reserved_public: 'réservées à un autre public',
    sessions_full: 'dont les sessions à venir sont complètes',
    too_far: profile.radius_km != null ? `trop éloignées (au-delà de ${profile.radius_km} km)` : 'trop éloignées',
    too_long: 'plus longues que la durée maximale souhaitée',
  };
  const text = explanations[reason] ?? `écartées pour le motif « ${reason.replaceAll('_', ' ')} »`;
  return `${formatInteger(n)} ${n >= 2 ? 'formations' : 'formation'} ${text}`;
}

export function initAdviser() {
  const form = document.getElementById('adviser-form');
  const results = document.getElementById('adviser-results');
  const formError = document.getElementById('adviser-form-error');
  const submit = document.getElementById('adviser-submit');
  const cvText = document.getElementById('cv-text');
  const cvResult = document.getElementById('cv-result');
  const cvButton = document.getElementById('cv-analyse');
  const targetInput = document.getElementById('target-input');
  const targetHelp = document.getElementById('target-help');
  const targetHelpDefault = targetHelp.textContent;
  const communeInput = document.getElementById('commune-input');

  // The CV analysis last shown: its text and its mentions (byte spans).
  let cv = null;
  const selection = new Set();
  let lastProfile = null;

  const chips = new ChipList(document.getElementById('skill-chips'), {
    emptyText: 'Aucune compétence : ajoutez-en ou repérez-les dans un CV.',
    onChange: () => renderCv(),
  });

  autocomplete(document.getElementById('skill-input'), {
    source: async (q, signal) => asArray((await api.skills(q, { limit: 10, signal })).skills),
    describe: (skill) => ({ label: skill.label, detail: skill.family ? familyLabel(skill.family) : '' }),
    onSelect: (skill) => chips.add({ id: skill.id, label: skill.label, source: 'saisie' }),
    keepText: false,
    minChars: 1,
  });

  const target = autocomplete(targetInput, {
    source: async (q, signal) => asArray((await api.occupations(q, { limit: 10, signal })).occupations),
    describe: (o) => ({ label: o.appellation || o.label, detail: [o.code, o.appellation && o.label !== o.appellation ? o.label : null].filter(Boolean).join(' · ') }),
    onSelect: (o) => {
      targetHelp.textContent = `Code ROME ${o.code} : ${o.label}.`;
    },
    onClear: () => {
      targetHelp.textContent = targetHelpDefault;
    },
  });

  const commune = autocomplete(communeInput, {
    source: async (q, signal) => asArray((await api.communes(q, { limit: 10, signal })).communes),
    describe: (c) => ({ label: c.departement ? `${c.name} (${c.departement})` : c.name, detail: c.postcode ?? '' }),
  });

  /** Draws the CV with its skills highlighted; skills removed from the chips are shown struck. */
  function renderCv() {
    if (!cv) return;
    const mentions = cvMentions(cv.skills);
    const distinct = new Map(mentions.map((m) => [m.id, m.label]));
    const kept = [...distinct.keys()].filter((id) => chips.has(id)).length;
    // A weak guess is no suggestion.
    const occupation = asArray(cv.occupations).find((o) => typeof o.score !== 'number' || o.score >= 0.3);
    replaceChildren(cvResult,
      h('p', { class: 'hint' }, distinct.size
        ? `${plural(distinct.size, 'compétence repérée', 'compétences repérées')}, ${formatInteger(kept)} retenue${kept >= 2 ? 's' : ''} dans le profil. Elles sont surlignées dans le texte ; retirez celles qui ne conviennent pas avec le bouton × de leur étiquette (elles apparaissent alors barrées).`
        : 'Aucune compétence repérée dans ce texte.'),
      h('div', { class: 'highlighted-text cv-text', tabindex: 0, 'aria-label': 'Texte du CV avec les compétences repérées' },
        highlightText(cv.text, mentions, (span, mark) => {
          mark.title = span.label;
          mark.dataset.skill = span.id;
          if (!chips.has(span.id)) mark.classList.add('removed');
        })),
      occupation ? h('p', { class: 'suggestion' },
        `Métier le plus proche d’après le CV : ${occupation.label} (${occupation.code}). `,
        h('button', {
          type: 'button',
          class: 'link-button',
          onclick: () => {
            target.select({ code: occupation.code, label: occupation.label, appellation: occupation.label });
            targetHelp.textContent = `Code ROME ${occupation.code} : ${occupation.label}.`;
            targetInput.focus();
          },
        }, 'Le prendre comme métier visé')) : null);
  }

  async function analyseCv() {
    const text = cvText.value;
    if (!text.trim()) {
      replaceChildren(cvResult, h('p', { class: 'hint' }, 'Collez d’abord le texte du CV.'));
      return;
    }
    cvButton.disabled = true;
    showLoading(cvResult, 'Analyse du CV…');
    try {
      const answer = await api.extract({ text });
      doneLoading(cvResult);
      chips.removeSource('cv');
      cv = { text, skills: asArray(answer.skills), occupations: asArray(answer.occupations) };
      chips.addAll(cvMentions(cv.skills).map((m) => ({ id: m.id, label: m.label, source: 'cv' })));
      announce(`${new Set(cvMentions(cv.skills).map((m) => m.id)).size} compétences repérées dans le CV`);
    } catch (error) {
      replaceChildren(cvResult, errorBox(error, 'L’analyse du CV a échoué'));
    } finally {
      cvButton.disabled = false;
    }
  }
  cvButton.addEventListener('click', analyseCv);

  /** Reads the form into a learner profile; throws an Error with a French message. */
  function readProfile() {
    const profile = { skills: chips.values().map((c) => c.id), limit: 10 };
    const chosenTarget = target.selected();
    const targetText = targetInput.value.trim();
    if (chosenTarget?.code) profile.target = { rome: chosenTarget.code };
    else if (targetText) profile.target = { appellation: targetText };

    const chosenCommune = commune.selected();
    const communeText = communeInput.value.trim();
    if (chosenCommune?.code) profile.location = { commune: chosenCommune.code };
    else if (/^\d{5}$/.test(communeText)) profile.location = { postcode: communeText };
    else if (communeText) throw fieldError('Choisissez la commune dans la liste proposée (ou saisissez un code postal à 5 chiffres).', communeInput);

    const radius = document.getElementById('radius-input');
    if (radius.value !== '') {
      const km = Number(radius.value);
      if (!Number.isFinite(km) || km < 0) throw fieldError('Le rayon doit être un nombre de kilomètres positif.', radius);
      profile.radius_km = km;
    }
    const modalities = [...form.querySelectorAll('input[name="modality"]:checked')].map((i) => i.value);
    if (!modalities.length) throw fieldError('Cochez au moins une modalité.', form.querySelector('input[name="modality"]'));
    // The order is the preference: the preferred modality first, if accepted.
    const preferred = form.querySelector('select[name="modality-preferred"]')?.value;
    profile.modalities = modalities.includes(preferred)
      ? [preferred, ...modalities.filter((m) => m !== preferred)]
      : modalities;

    const available = document.getElementById('available-input').value;
    if (available) profile.available_from = available;
    const duration = document.getElementById('duration-input');
    if (duration.value !== '') {
      const months = Number(duration.value);
      if (!Number.isInteger(months) || months < 1) throw fieldError('La durée maximale est un nombre entier de mois.', duration);
      profile.max_duration_months = months;
    }
    const level = document.getElementById('level-input').value;
    if (level) profile.level = Number(level);
    // Left out, the situation is unknown: the ranking excludes nothing on eligibility.
    if (!document.getElementById('situation-unknown-input').checked) {
      profile.situation = Object.fromEntries(Object.entries(SITUATION_INPUTS)
        .map(([flag, id]) => [flag, document.getElementById(id).checked]));
    }
    if (document.getElementById('funding-job-seeker-input').checked) profile.funding = JOB_SEEKER_FUNDING;
    if (!profile.skills.length && !profile.target) {
      throw fieldError('Indiquez au moins une compétence ou un métier visé.', document.getElementById('skill-input'));
    }
    return profile;
  }

  function fieldError(message, element) {
    const error = new Error(message);
    error.element = element;
    return error;
  }

  submitOneAtATime({
    form,
    formError,
    results,
    submit,
    message: 'Recherche des formations…',
    incomplete: 'Profil incomplet',
    failed: 'La recherche de formations a échoué',
    // A CV pasted but not analysed yet is analysed first, so that its skills join the chips.
    prepare: async () => {
      if (cvText.value.trim() && cv?.text !== cvText.value) await analyseCv();
    },
    read: readProfile,
    send: (profile, signal) => api.recommendations(profile, { signal }),
    render: (answer, profile) => {
      lastProfile = profile;
      selection.clear();
      renderResults(answer, profile);
      const count = asArray(answer.trainings).length;
      announce(count ? `${count} formations recommandées` : 'Aucune formation ne correspond au profil');
    },
  });

  document.getElementById('adviser-reset').addEventListener('click', () => {
    form.reset();
    chips.clear();
    target.clear();
    commune.clear();
    targetHelp.textContent = targetHelpDefault;
    cv = null;
    replaceChildren(cvResult);
    replaceChildren(formError);
    document.getElementById('skill-input').focus();
  });

  function renderResults(answer, profile) {
    const trainings = asArray(answer.trainings);
    const learner = answer.learner ?? {};
    const excluded = Object.entries(answer.excluded ?? {}).filter(([, n]) => typeof n === 'number' && n > 0);
    const headingId = uniqueId('results-title');
    const printButton = h('button', { type: 'button', class: 'secondary', disabled: true, onclick: printSelection }, 'Imprimer la sélection');
    const selectionCount = h('span', { class: 'selection-count', role: 'status' }, 'Aucune formation sélectionnée');

    function updateSelection() {
      const n = selection.size;
      selectionCount.textContent = n ? `${plural(n, 'formation sélectionnée', 'formations sélectionnées')}` : 'Aucune formation sélectionnée';
      printButton.disabled = n === 0;
      document.body.classList.toggle('has-selection', n > 0);
    }

    const summary = h('div', { class: 'card results-summary' },
      h('h2', { id: headingId, class: 'card-title' }, trainings.length
        ? `${plural(trainings.length, 'formation recommandée', 'formations recommandées')}`
        : 'Aucune formation ne correspond au profil'),
      asArray(answer.notices).length ? h('ul', { class: 'notices' }, asArray(answer.notices).map((n) => h('li', {}, String(n)))) : null,
      learnerSummary(learner, profile),
      excluded.length ? h('div', { class: 'excluded' },
        h('p', {}, `Formations écartées (${formatInteger(excluded.reduce((a, [, n]) => a + n, 0))}) :`),
        h('ul', {}, excluded.map(([reason, n]) => h('li', {}, excludedText(reason, n, profile))))) : null,
      !trainings.length ? h('p', {}, 'Essayez d’élargir le rayon, d’accepter d’autres modalités ou de retirer la durée maximale.') : null);

    const printHeader = h('div', { class: 'print-only print-header' },
      h('p', { class: 'print-title' }, 'Passerelle — sélection de formations'),
      h('p', {}, `Préparée le ${formatDate(new Date().toISOString().slice(0, 10))}.`),
      learner.target?.label ? h('p', {}, `Métier visé : ${learner.target.label}${learner.target.rome ? ` (${learner.target.rome})` : ''}.`) : null,
      learner.location?.name ? h('p', {}, `Lieu : ${learner.location.name}.`) : null);

    const toolbar = trainings.length ? h('div', { class: 'selection-bar no-print' }, selectionCount, printButton) : null;

    const list = h('ol', { class: 'result-list', 'aria-labelledby': headingId },
      trainings.map((t, i) => trainingCard(t, i + 1, (id, on) => {
        if (on) selection.add(id);
        else selection.delete(id);
        updateSelection();
      })));

    replaceChildren(results, printHeader, summary, toolbar, list);
    updateSelection();
  }

  function printSelection() {
    if (!selection.size) return;
    document.body.classList.add('printing-selection');
    // Paper cannot expand a disclosure: print every skill list whole, then fold them back.
    const folded = [...results.querySelectorAll('details:not([open])')];
    for (const details of folded) details.open = true;
    const done = () => {
      document.body.classList.remove('printing-selection');
      for (const details of folded) details.open = false;
      window.removeEventListener('afterprint', done);
    };
    window.addEventListener('afterprint', done);
    window.print();
  }

  return { lastProfile: () => lastProfile };
}

/**
 * Mentions written in the CV itself: skills only inferred from the predicted métier
 * (`source` "occupation" or "linked") are left out of the profile.
 */
function cvMentions(skills) {
  return asArray(skills).filter((m) => (m.field ?? 'text') === 'text' && !['occupation', 'linked'].includes(m.source));
}

function familyLabel(family) {
  return String(family).replaceAll('_', ' ');
}

function learnerSummary(learner, profile) {
  const items = [];
  const target = learner.target;
  if (target?.label) items.push(h('li', {}, h('strong', {}, 'Métier visé : '), `${target.label}${target.rome ? ` (ROME ${target.rome})` : ''}`));
  if (learner.location?.name) items.push(h('li', {}, h('strong', {}, 'Lieu : '), `${learner.location.name}${profile.radius_km != null ? `, dans un rayon de ${profile.radius_km} km` : ''}`));
  const known = asArray(learner.skills);
  if (known.length) items.push(h('li', {}, h('strong', {}, 'Compétences du profil : '), known.map((s) => s.label).join(', ')));
  if (profile.level) items.push(h('li', {}, h('strong', {}, 'Niveau actuel : '), levelLabel(profile.level)));
  const unknown = asArray(learner.unknown_skills);
  if (unknown.length) items.push(h('li', {}, h('strong', {}, 'Compétences non reconnues (ignorées) : '), unknown.map((s) => (typeof s === 'string' ? s : s.label ?? s.id)).join(', ')));
  const gap = asArray(learner.gap);
  return h('div', { class: 'learner' },
    items.length ? h('ul', { class: 'facts-list' }, items) : null,
    gap.length ? h('div', { class: 'gap' },
      h('p', {}, h('strong', {}, `Compétences à acquérir pour ce métier (${gap.length}) :`)),
      skillChips(gap, 'chip-gap', 16)) : null);
}

function trainingCard(t, rank, onToggle) {
  const titleId = uniqueId('training');
  const checkboxId = uniqueId('select');
  const details = t.details && typeof t.details === 'object' ? t.details : {};
  const session = t.next_session;
  const certification = t.certification;
  const meta = [t.provider, t.city, modalityLabel(t.modality), t.duration_months ? `${formatDecimal(t.duration_months)} mois` : null].filter(Boolean).join(' · ');
  const score = typeof t.score === 'number' ? t.score : null;
  const card = h('li', { class: 'result-card card', 'data-id': t.id ?? '' });
  const checkbox = h('input', {
    type: 'checkbox',
    id: checkboxId,
    onchange: (event) => {
      card.classList.toggle('selected', event.target.checked);
      onToggle(t.id, event.target.checked);
    },
  });
  const reasons = asArray(t.reasons);
  card.append(h('article', { 'aria-labelledby': titleId },
    h('header', { class: 'result-header' },
      h('span', { class: 'rank', 'aria-label': `Rang ${rank}` }, String(rank)),
      h('div', { class: 'result-title' },
        h('h3', { id: titleId }, t.title ?? 'Formation sans titre'),
        h('p', { class: 'meta' }, meta),
        certification ? h('p', { class: 'meta' }, [certification.kind, certification.code].filter(Boolean).join(' '), certification.title ? ` : ${certification.title}` : '', certification.level ? ` (${levelLabel(certification.level)})` : '') : null),
      score !== null ? h('p', { class: 'score', title: 'Score global de pertinence' }, h('span', { class: 'score-number' }, formatShare(score)), h('span', { class: 'score-caption' }, 'pertinence')) : null),
    reasons.length ? h('ul', { class: 'reasons', 'aria-label': 'Pourquoi cette formation' }, reasons.map((r) => h('li', {}, r))) : null,
    h('dl', { class: 'facts' },
      h('div', {}, h('dt', {}, 'Distance'), h('dd', {}, distanceText(t))),
      h('div', {}, h('dt', {}, 'Prochaine session'), h('dd', {}, session?.start
        ? `${formatDate(session.start)}${session.end ? ` → ${formatDate(session.end)}` : ''}${typeof session.seats_left === 'number' ? ` · ${plural(session.seats_left, 'place restante', 'places restantes')}` : ''}`
        : 'Aucune session annoncée')),
      h('div', {}, h('dt', {}, 'Financement'), h('dd', { class: 'funding' }, fundingText(t))),
      h('div', {}, h('dt', {}, 'Accessibilité handicap'), h('dd', { class: 'accessibility' }, accessibilityText(t)))),
    skillLine('Compétences acquises', t.skills_gained, 'chip-gained'),
    skillLine('Restent à acquérir', t.skills_missing, 'chip-missing'),
    Object.keys(details).length ? h('div', { class: 'score-details' },
      h('p', { class: 'field-label' }, 'Détail du score'),
      scoreBars(orderedDetails(details).map(([key, value]) => ({ label: SCORE_LABELS[key] ?? key.replaceAll('_', ' '), value })))) : null,
    h('p', { class: 'select-line no-print' }, checkbox, h('label', { for: checkboxId }, 'Ajouter à la sélection à imprimer'))));
  return card;
}

/** Score factors in a fixed, meaningful order; factors this page does not know come last. */
function orderedDetails(details) {
  const known = Object.keys(SCORE_LABELS);
  const rank = (key) => (known.includes(key) ? known.indexOf(key) : known.length);
  return Object.entries(details)
    .filter(([, value]) => typeof value === 'number')
    .sort(([a], [b]) => rank(a) - rank(b));
}

function distanceText(t) {
  const remote = t.modality === 'distanciel';
  if (t.distance_km == null) return remote ? 'Formation à distance' : 'Non calculée';
  return remote ? `Formation à distance (organisme à ${formatDistance(t.distance_km)})` : formatDistance(t.distance_km);
}

/** Skill chips; past `visible` of them, the rest sits in a disclosure to keep cards short. */
export function skillChips(skills, className, visible = 10) {
  const chip = (s) => h('li', { class: ['chip', className] }, s.label ?? s.id);
  const list = asArray(skills);
  const first = h('ul', { class: 'chips static' }, list.slice(0, visible).map(chip));
  if (list.length <= visible) return first;
  return h('div', {},
    first,
    h('details', { class: 'more-chips' },
      h('summary', {}, `Voir ${plural(list.length - visible, 'autre compétence', 'autres compétences')}`),
      h('ul', { class: 'chips static' }, list.slice(visible).map(chip))));
}

function skillLine(title, skills, className) {
  const list = asArray(skills);
  if (!list.length) return null;
  return h('div', { class: 'skill-line' },
    h('p', { class: 'field-label' }, `${title} (${list.length})`),
    skillChips(list, className));
}
