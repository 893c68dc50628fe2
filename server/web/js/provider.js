// Provider view: a curriculum (pasted or from the catalogue) set against a territory's demand.

import * as api from './api.js';
import { h, replaceChildren, asArray } from './dom.js';
import { autocomplete } from './autocomplete.js';
import { highlightText } from './highlight.js';
import { barChart } from './chart.js';
import { errorBox, announce, submitOneAtATime } from './feedback.js';
import { formatInteger, formatShare, modalityLabel, plural } from './format.js';

const COMPONENT_LABELS = {
  covered_demand: 'Demande couverte',
  total_demand: 'Demande des compétences considérées',
  skills_considered: 'Compétences demandées considérées',
  covered: 'Compétences couvertes',
  missing: 'Compétences manquantes',
  coverage: 'Couverture',
  precision: 'Précision',
  weight: 'Poids',
};

function formatComponent(value) {
  if (typeof value === 'number') return Number.isInteger(value) ? formatInteger(value) : value.toLocaleString('fr-FR', { maximumFractionDigits: 3 });
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** The GEN label criteria readable from the catalogue, each met, missed or unknown. */
function readinessCard(readiness) {
  const criteria = asArray(readiness.criteria);
  const status = (met) => (met === true ? 'Rempli' : met === false ? 'Non rempli' : 'Non vérifiable');
  return h('div', { class: 'card label-readiness' },
    h('h2', { class: 'card-title' }, 'Critères du label GEN lisibles dans les données'),
    h('p', { class: 'hint' }, `${plural(readiness.met ?? 0, 'critère rempli', 'critères remplis')} sur ${criteria.length}, ${plural(readiness.unknown ?? 0, 'non vérifiable', 'non vérifiables')}. Le label est attribué par un jury sur bien d’autres éléments.`),
    h('ul', { class: 'plain-list readiness-list' }, criteria.map((c) => h('li', { 'data-criterion': c.criterion, 'data-met': String(c.met) },
      h('strong', {}, `${status(c.met)} : `), c.why))));
}

export function initProvider() {
  const form = document.getElementById('provider-form');
  const results = document.getElementById('provider-results');
  const formError = document.getElementById('provider-form-error');
  const submit = document.getElementById('provider-submit');
  const curriculumField = document.getElementById('curriculum-field');
  const curriculumInput = document.getElementById('curriculum-input');
  const trainingField = document.getElementById('training-field');
  const trainingInput = document.getElementById('training-input');
  const trainingChosen = document.getElementById('training-chosen');
  const territorySelect = document.getElementById('territory-select');

  const training = autocomplete(trainingInput, {
    source: async (q, signal) => asArray((await api.trainings({ q, limit: 12 }, { signal })).trainings),
    describe: (t) => ({ label: t.title ?? t.id, detail: [t.provider, t.city].filter(Boolean).join(', ') }),
    onSelect: (t) => {
      trainingChosen.textContent = `Formation ${t.id} : ${[t.provider, t.city, t.modality ? modalityLabel(t.modality) : null].filter(Boolean).join(' · ')}.`;
    },
    onClear: () => {
      trainingChosen.textContent = '';
    },
  });

  function source() {
    return form.querySelector('input[name="provider-source"]:checked').value;
  }

  form.addEventListener('change', (event) => {
    if (event.target.name !== 'provider-source') return;
    const fromCatalogue = source() === 'training';
    curriculumField.hidden = fromCatalogue;
    trainingField.hidden = !fromCatalogue;
  });

  async function fillTerritories() {
    try {
      const geography = await api.geography();
      const byName = (a, b) => String(a.name).localeCompare(String(b.name), 'fr');
      replaceChildren(territorySelect,
        h('option', { value: '' }, 'Choisissez un territoire'),
        h('optgroup', { label: 'Régions' }, [...asArray(geography.regions)].sort(byName).map((r) => h('option', { value: `region:${r.code}` }, r.name))),
        h('optgroup', { label: 'Départements' }, asArray(geography.departements).map((d) => h('option', { value: `departement:${d.code}` }, `${d.code} — ${d.name}`))));
    } catch (error) {
      replaceChildren(territorySelect, h('option', { value: '' }, 'Territoires indisponibles'));
      replaceChildren(formError, errorBox(error, 'La liste des territoires n’a pas pu être chargée'));
    }
  }

  // The catalogue training of the last request, whose label readiness is shown.
  let readinessId = null;

  function readRequest() {
    const body = {};
    readinessId = null;
    if (source() === 'training') {
      const chosen = training.selected();
      if (!chosen?.id) throw Object.assign(new Error('Choisissez une formation dans la liste proposée.'), { element: trainingInput });
      body.training_id = chosen.id;
      readinessId = chosen.id;
    } else {
      const text = curriculumInput.value.trim();
      if (!text) throw Object.assign(new Error('Collez le texte du programme à analyser.'), { element: curriculumInput });
      body.curriculum = curriculumInput.value;
    }
    if (!territorySelect.value) throw Object.assign(new Error('Choisissez un territoire de référence.'), { element: territorySelect });
    body.territory = territorySelect.value;
    return body;
  }

  submitOneAtATime({
    form,
    formError,
    results,
    submit,
    message: 'Analyse du programme…',
    incomplete: 'Demande incomplète',
    failed: 'L’analyse de couverture a échoué',
    read: readRequest,
    send: (body, signal) => api.coverage(body, { signal }),
    render: (report) => {
      renderReport(report);
      if (readinessId) showReadiness(readinessId);
      announce(`Rapport de couverture prêt : ${asArray(report.covered).length} compétences couvertes, ${asArray(report.missing).length} manquantes`);
    },
  });

  async function showReadiness(id) {
    try {
      const readiness = await api.labelReadiness(id);
      results.append(readinessCard(readiness));
    } catch (error) {
      results.append(h('div', { class: 'card' }, errorBox(error, 'Les critères du label n’ont pas pu être vérifiés')));
    }
  }

  function renderReport(report) {
    const territoryName = report.territory?.name ?? territorySelect.selectedOptions[0]?.textContent ?? '';
    const covered = asArray(report.covered);
    const missing = asArray(report.missing);
    const alignment = report.alignment ?? {};
    const score = typeof alignment.score === 'number' ? alignment.score : null;
    // The figures behind the score: a `components` object, or the other numbers of `alignment`.
    const components = alignment.components && typeof alignment.components === 'object'
      ? Object.entries(alignment.components)
      : Object.entries(alignment).filter(([key, value]) => key !== 'score' && typeof value === 'number');
    const spans = covered.flatMap((c) => asArray(c.evidence).map((e) => ({ start: e.start, end: e.end, id: c.id, label: c.label, share: c.demand_share })));
    const text = typeof report.text === 'string' ? report.text : '';
    const occupations = asArray(report.occupations);
    const wide = report.territory_wide?.alignment;

    replaceChildren(results,
      h('div', { class: 'card occupations' },
        h('h2', { class: 'card-title' }, 'Métiers visés par le programme'),
        occupations.length
          ? h('ul', { class: 'plain-list occupation-list' }, occupations.map((o) => h('li', {},
            h('strong', {}, `${o.label} (${o.code})`), ` — ${plural(o.offers, 'offre')} ; ${o.why}`)))
          : h('p', { class: 'hint' }, 'Aucun métier reconnu : le programme est comparé à toute la demande du territoire.'),
        alignment.against ? h('p', { class: 'hint' }, `Demande prise en compte : ${alignment.against}.`) : null,
        typeof wide?.score === 'number'
          ? h('p', { class: 'hint territory-wide' }, `Pour information, alignement avec toute la demande du territoire : ${formatShare(wide.score)} (${wide.against}).`)
          : null),
      h('div', { class: 'card alignment' },
        h('h2', { class: 'card-title' }, `Alignement avec la demande${territoryName ? ` — ${territoryName}` : ''}`),
        h('div', { class: 'alignment-score' },
          h('p', { class: 'big-number' }, score === null ? '–' : formatShare(score)),
          h('meter', { min: 0, max: 1, value: score ?? 0, low: 0.34, high: 0.67, optimum: 1, 'aria-label': 'Score d’alignement' }),
          h('p', { class: 'hint' }, `${plural(covered.length, 'compétence couverte', 'compétences couvertes')}, ${plural(missing.length, 'compétence demandée manquante', 'compétences demandées manquantes')}.`)),
        alignment.formula ? h('p', { class: 'formula' }, h('span', { class: 'field-label' }, 'Formule : '), h('code', {}, String(alignment.formula))) : null,
        components.length ? h('dl', { class: 'components' }, components.map(([key, value]) => h('div', {},
          h('dt', {}, COMPONENT_LABELS[key] ?? key.replaceAll('_', ' ')),
          h('dd', {}, formatComponent(value))))) : null),

      h('div', { class: 'card' },
        h('h2', { class: 'card-title' }, 'Programme analysé'),
        covered.length
          ? h('p', { class: 'hint' }, 'Les compétences couvertes sont surlignées dans le texte ; survolez-les pour voir leur part dans la demande du territoire.')
          : h('p', { class: 'hint' }, 'Aucune compétence du référentiel n’a été repérée dans ce programme.'),
        covered.length ? h('ul', { class: 'chips static covered-list', 'aria-label': 'Compétences couvertes' }, covered.map((c) => h('li', { class: 'chip chip-gained' },
          `${c.label} `, typeof c.demand_share === 'number' ? h('span', { class: 'chip-count' }, `${formatShare(c.demand_share)} des offres`) : null))) : null,
        text ? h('div', { class: 'highlighted-text curriculum-text', tabindex: 0, 'aria-label': 'Texte du programme, compétences couvertes surlignées' },
          highlightText(text, spans, (span, mark) => {
            mark.classList.add('covered');
            mark.dataset.skill = span.id;
            mark.title = typeof span.share === 'number' ? `${span.label} : ${formatShare(span.share)} des offres du territoire` : span.label;
          })) : null),

      h('div', { class: 'card' },
        h('h2', { class: 'card-title' }, `Compétences demandées absentes du programme (${missing.length})`),
        missing.length ? h('table', { class: 'data-table missing-table' },
          h('thead', {}, h('tr', {},
            h('th', { scope: 'col' }, 'Compétence'),
            h('th', { scope: 'col', class: 'num' }, 'Offres'),
            h('th', { scope: 'col', class: 'num' }, 'Part'),
            h('th', { scope: 'col' }, 'Exemples d’offres'))),
          h('tbody', {}, missing.map((m) => h('tr', {},
            h('th', { scope: 'row' }, m.label ?? m.id),
            h('td', { class: 'num' }, formatInteger(m.offers)),
            h('td', { class: 'num' }, formatShare(m.share)),
            h('td', {}, asArray(m.examples).length
              ? h('ul', { class: 'plain-list' }, asArray(m.examples).slice(0, 3).map((e) => h('li', {}, typeof e === 'string' ? e : e.title ?? e.id)))
              : h('span', { class: 'muted' }, '—')))))) : h('p', { class: 'hint' }, 'Le programme couvre toutes les compétences les plus demandées du territoire.')),

      h('div', { class: 'two-columns even' },
        h('div', { class: 'card' },
          h('h2', { class: 'card-title' }, 'Besoins les plus proches'),
          asArray(report.clusters).length ? barChart({
            caption: 'Similarité du programme avec chaque besoin',
            items: asArray(report.clusters).map((c) => ({ label: c.label ?? c.id, value: c.similarity, hint: typeof c.offers === 'number' ? plural(c.offers, 'offre') : undefined })),
            format: formatShare,
            valueHeader: 'Similarité',
            labelWidth: 250,
            width: 540,
          }) : h('p', { class: 'hint' }, 'Aucun besoin proche.')),
        h('div', { class: 'card' },
          h('h2', { class: 'card-title' }, 'Formations similaires'),
          asArray(report.similar).length ? h('ul', { class: 'similar-list' }, asArray(report.similar).map((t) => h('li', {},
            h('p', { class: 'training-title' }, t.title ?? t.id, typeof t.similarity === 'number' ? h('span', { class: 'muted' }, ` — ${formatShare(t.similarity)} de similarité`) : null),
            h('p', { class: 'meta' }, [t.provider, t.city].filter(Boolean).join(' · '))))) : h('p', { class: 'hint' }, 'Aucune formation similaire.'))));
  }

  fillTerritories();
}
