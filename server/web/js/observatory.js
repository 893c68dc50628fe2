// Observatory view: indicator map by région or département, territory detail, charts and référentiels.

import * as api from './api.js';
import { h, replaceChildren, asArray } from './dom.js';
import { autocomplete } from './autocomplete.js';
import { TerritoryMap, colorScale, mapLegend } from './map.js';
import { barChart, lineChart } from './chart.js';
import { showLoading, doneLoading, showError, errorBox, announce, loadInto } from './feedback.js';
import { formatInteger, formatDecimal, formatShare, formatGrowth, formatDate, modalityLabel, plural } from './format.js';

const INDICATORS = {
  demand: { title: 'Demande', unit: 'offres', format: formatInteger, sentence: 'offres d’emploi' },
  supply: { title: 'Offre de formation', unit: 'places', format: formatInteger, sentence: 'places en formation' },
  gap: { title: 'Écart demande − offre', unit: '', format: formatDecimal, sentence: 'écart entre demande et offre (positif : demande non couverte)' },
};
const LEVEL_NAMES = { region: 'région', departement: 'département', bassin: 'bassin d’emploi' };

export function initObservatory() {
  const controls = document.getElementById('map-controls');
  const mapContainer = document.getElementById('map');
  const legend = document.getElementById('map-legend');
  const summary = document.getElementById('map-summary');
  const detail = document.getElementById('territory-detail');
  const indicatorSelect = document.getElementById('indicator-select');
  const clusterSelect = document.getElementById('cluster-select');
  const skillInput = document.getElementById('map-skill-input');
  const skillClear = document.getElementById('map-skill-clear');
  const csvLink = document.getElementById('download-csv');
  const geojsonLink = document.getElementById('download-geojson');

  const attribution = document.getElementById('map-attribution');
  const state = { level: 'region', view: 'outlines', indicator: 'demand', cluster: '', skill: null, selected: null };
  let geography = null;
  let clusterLabels = new Map();
  let mapRequest = null;
  let detailRequest = null;
  let keyboardSelection = false;

  const map = new TerritoryMap(mapContainer, {
    label: 'Carte des territoires : choisissez un territoire pour voir son détail',
    onSelect: (code) => selectTerritory(code),
  });
  // Enter or Space on a territory: the detail panel takes the focus once loaded.
  mapContainer.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') keyboardSelection = true;
  }, true);

  const skillPicker = autocomplete(skillInput, {
    source: async (q, signal) => asArray((await api.skills(q, { limit: 10, signal })).skills),
    describe: (skill) => ({ label: skill.label, detail: skill.family ? String(skill.family).replaceAll('_', ' ') : '' }),
    onSelect: (skill) => {
      state.skill = { id: skill.id, label: skill.label };
      state.cluster = '';
      clusterSelect.value = '';
      skillClear.hidden = false;
      drawMap();
    },
    onClear: () => {
      if (state.skill) {
        state.skill = null;
        skillClear.hidden = true;
        drawMap();
      }
    },
  });

  skillClear.addEventListener('click', () => {
    skillPicker.clear();
    state.skill = null;
    skillClear.hidden = true;
    skillInput.focus();
    drawMap();
  });

  controls.addEventListener('submit', (event) => event.preventDefault());
  controls.addEventListener('change', (event) => {
    const target = event.target;
    if (target.name === 'map-level') {
      state.level = target.value;
      state.selected = null;
      resetDetail();
    } else if (target.name === 'map-view') {
      state.view = target.value;
    } else if (target === indicatorSelect) {
      state.indicator = target.value;
    } else if (target === clusterSelect) {
      state.cluster = target.value;
      if (state.cluster && state.skill) {
        skillPicker.clear();
        state.skill = null;
        skillClear.hidden = true;
      }
    } else {
      return;
    }
    drawMap();
  });

  function resetDetail() {
    replaceChildren(detail,
      h('h2', { id: 'territory-detail-title', class: 'card-title' }, 'Détail d’un territoire'),
      h('p', { class: 'hint' }, 'Cliquez sur un territoire de la carte (ou placez-vous dessus avec Tab puis appuyez sur Entrée) pour voir ses besoins, les besoins non couverts et les formations.'));
  }

  function selectionLabel() {
    if (state.skill) return `la compétence « ${state.skill.label} »`;
    if (state.cluster) return `le besoin « ${clusterLabels.get(state.cluster) ?? state.cluster} »`;
    return 'tous les besoins';
  }

  function params() {
    return { level: state.level, indicator: state.indicator, cluster: state.cluster || null, skill: state.skill?.id ?? null };
  }

  async function outlinesFor(level) {
    if (!geography?.outlines || state.view === 'grid') return null;
    try {
      return await api.outlines(level);
    } catch {
      // Without outlines the tile grid still shows every territory.
      return null;
    }
  }

  async function drawMap() {
    mapRequest?.abort();
    mapRequest = new AbortController();
    const mine = mapRequest;
    const p = params();
    csvLink.href = api.indicatorsUrl(p, 'csv');
    csvLink.setAttribute('download', `passerelle-${p.indicator}-${p.level}.csv`);
    geojsonLink.href = api.indicatorsUrl(p, 'geojson');
    geojsonLink.setAttribute('download', `passerelle-${p.indicator}-${p.level}.geojson`);
    mapContainer.setAttribute('aria-busy', 'true');
    summary.textContent = 'Chargement de la carte…';
    mapContainer.classList.add('is-loading');
    try {
      const [answer, outlines] = await Promise.all([api.indicators(p, { signal: mine.signal }), outlinesFor(state.level)]);
      if (mine !== mapRequest) return;
      const info = INDICATORS[state.indicator];
      const rows = asArray(answer.values);
      const values = new Map(rows.map((row) => [String(row.code), {
        ...row,
        text: typeof row.value === 'number' ? `${info.format(row.value)}${info.unit ? ` ${info.unit}` : ''}` : 'moins de 5 offres (masqué)',
      }]));
      const territories = state.level === 'region' ? asArray(geography.regions) : asArray(geography.departements);
      const scale = colorScale(rows.map((r) => r.value), { diverging: state.indicator === 'gap', format: info.format });
      map.draw({ territories, outlines, values, scale, selected: state.selected });
      attribution.textContent = outlines?.attribution ? `${outlines.attribution}.` : '';
      replaceChildren(legend, mapLegend({ title: `${info.title}${info.unit ? ` (${info.unit})` : ''}`, scale }));
      const shown = rows.filter((r) => typeof r.value === 'number').length;
      summary.textContent = `${info.title} pour ${selectionLabel()}, par ${LEVEL_NAMES[state.level]} : ${plural(shown, 'territoire renseigné', 'territoires renseignés')} sur ${territories.length}.`;
    } catch (error) {
      if (api.isAbort(error)) return;
      summary.textContent = '';
      showError(mapContainer, error, 'La carte n’a pas pu être chargée');
      replaceChildren(legend);
    } finally {
      if (mine === mapRequest) {
        mapContainer.removeAttribute('aria-busy');
        mapContainer.classList.remove('is-loading');
      }
    }
  }

  async function selectTerritory(code) {
    const level = state.level;
    state.selected = code;
    map.highlight(code);
    const viaKeyboard = keyboardSelection;
    keyboardSelection = false;
    detailRequest?.abort();
    detailRequest = new AbortController();
    const mine = detailRequest;
    const territory = (level === 'region' ? geography.regions : geography.departements).find((t) => String(t.code) === code);
    showLoading(detail, `Chargement de ${territory?.name ?? code}…`);
    try {
      const [needs, trainings] = await Promise.all([
        api.territoryNeeds(level, code, { signal: mine.signal }),
        api.territoryTrainings(level, code, { signal: mine.signal }),
      ]);
      if (mine !== detailRequest) return;
      doneLoading(detail);
      renderDetail(needs, trainings, territory);
      announce(`Détail de ${needs.territory?.name ?? territory?.name ?? code} affiché`);
      if (viaKeyboard) detail.focus();
    } catch (error) {
      if (api.isAbort(error)) return;
      showError(detail, error, `Le détail de ${territory?.name ?? code} n’a pas pu être chargé`);
    }
  }

  function renderDetail(needs, trainingsAnswer, territory) {
    const name = needs.territory?.name ?? territory?.name ?? needs.territory?.code;
    const level = needs.territory?.level ?? state.level;
    const clusters = asArray(needs.clusters);
    const visible = clusters.filter((c) => !c.suppressed && typeof c.offers === 'number' && c.offers > 0).sort((a, b) => b.offers - a.offers);
    const masked = clusters.filter((c) => c.suppressed).length;
    const uncovered = asArray(needs.uncovered).length ? asArray(needs.uncovered) : asArray(trainingsAnswer.uncovered);
    const skills = asArray(needs.skills).filter((s) => !s.suppressed && typeof s.offers === 'number' && s.offers > 0).sort((a, b) => b.offers - a.offers).slice(0, 12);
    const trainings = asArray(trainingsAnswer.trainings);

    // The series followed: the selected skill or need, else the territory's first need.
    const followed = state.skill
      ? { skill: state.skill.id, label: `la compétence « ${state.skill.label} »` }
      : state.cluster
        ? { need: state.cluster, label: `le besoin « ${clusterLabels.get(state.cluster) ?? state.cluster} »` }
        : visible[0] ? { need: visible[0].id, label: `le besoin « ${visible[0].label} »` } : null;
    const historySection = h('section', { class: 'detail-section', 'aria-labelledby': 'detail-history' },
      h('h3', { id: 'detail-history' }, 'Évolution de la demande'));
    if (followed) {
      loadHistory(historySection, `${level}:${needs.territory?.code ?? territory?.code}`, followed);
    } else {
      historySection.append(h('p', { class: 'hint' }, 'Aucun besoin publié à suivre dans ce territoire.'));
    }

    replaceChildren(detail,
      h('h2', { id: 'territory-detail-title', class: 'card-title' }, `${name} `, h('span', { class: 'muted' }, `(${LEVEL_NAMES[level] ?? level})`)),
      h('p', { class: 'lead' }, `${plural(needs.offers ?? 0, 'offre d’emploi analysée', 'offres d’emploi analysées')}.`),

      h('section', { class: 'detail-section', 'aria-labelledby': 'detail-needs' },
        h('h3', { id: 'detail-needs' }, 'Besoins du territoire'),
        visible.length
          ? barChart({
            caption: 'Offres d’emploi par besoin',
            items: visible.slice(0, 10).map((c) => ({ label: c.label, value: c.offers, hint: `${formatShare(c.share)} des offres, ${plural(c.trainings ?? 0, 'formation')}` })),
            labelWidth: 250,
            width: 540,
            valueHeader: 'Offres',
          })
          : h('p', { class: 'hint' }, 'Pas assez d’offres pour publier les besoins de ce territoire.'),
        masked ? h('p', { class: 'hint' }, `${plural(masked, 'besoin masqué', 'besoins masqués')} (moins de 5 offres : secret statistique).`) : null),

      historySection,

      h('section', { class: 'detail-section', 'aria-labelledby': 'detail-uncovered' },
        h('h3', { id: 'detail-uncovered' }, 'Besoins non couverts'),
        uncovered.length
          ? h('ul', { class: 'uncovered-list' }, uncovered.map((u) => h('li', {},
            h('span', { class: 'uncovered-label' }, u.label ?? u.id),
            h('span', { class: 'muted' }, ` — ${plural(u.offers ?? 0, 'offre')}${typeof u.share === 'number' ? `, ${formatShare(u.share)} de la demande` : ''}`))))
          : h('p', { class: 'hint' }, 'Chaque besoin publié a au moins une formation dans le territoire.')),

      asArray(needs.publics).length ? h('section', { class: 'detail-section', 'aria-labelledby': 'detail-publics' },
        h('h3', { id: 'detail-publics' }, 'Places ouvertes aux publics prioritaires'),
        h('p', { class: 'hint' }, `${plural(needs.seats ?? 0, 'place ouverte', 'places ouvertes')} pour ${plural(needs.offers ?? 0, 'offre d’emploi', 'offres d’emploi')} analysées.`),
        h('table', { class: 'data-table publics-table' },
          h('thead', {}, h('tr', {},
            h('th', { scope: 'col' }, 'Public'),
            h('th', { scope: 'col', class: 'num' }, 'Places accessibles'),
            h('th', { scope: 'col', class: 'num' }, 'dont visant ce public'),
            h('th', { scope: 'col', class: 'num' }, 'dont réservées'))),
          h('tbody', {}, asArray(needs.publics).map((p) => h('tr', { 'data-public': p.public },
            h('th', { scope: 'row' }, p.label ?? p.public),
            h('td', { class: 'num' }, formatInteger(p.open_seats ?? 0)),
            h('td', { class: 'num' }, formatInteger(p.priority_seats ?? 0)),
            h('td', { class: 'num' }, formatInteger(p.reserved_seats ?? 0))))))) : null,

      skills.length ? h('section', { class: 'detail-section', 'aria-labelledby': 'detail-skills' },
        h('h3', { id: 'detail-skills' }, 'Compétences les plus demandées'),
        h('ul', { class: 'chips static' }, skills.map((s) => h('li', { class: 'chip' }, `${s.label} `, h('span', { class: 'chip-count' }, formatInteger(s.offers)))))) : null,

      h('section', { class: 'detail-section', 'aria-labelledby': 'detail-trainings' },
        h('h3', { id: 'detail-trainings' }, `Formations du territoire (${trainings.length})`),
        trainings.length
          ? h('ul', { class: 'territory-trainings' }, trainings.slice(0, 5).map(trainingItem))
          : h('p', { class: 'hint' }, 'Aucune formation labellisée dans ce territoire.'),
        trainings.length > 5 ? h('details', { class: 'more-trainings' },
          h('summary', {}, `Voir ${plural(trainings.length - 5, 'autre formation', 'autres formations')}`),
          h('ul', { class: 'territory-trainings' }, trainings.slice(5).map(trainingItem))) : null));
  }

  async function loadHistory(section, territory, followed) {
    const params = { territory, need: followed.need ?? null, skill: followed.skill ?? null };
    const body = h('div', {}, h('p', { class: 'hint' }, 'Chargement de l’historique…'));
    section.append(body);
    try {
      const series = await api.history(params);
      const points = asArray(series.points).map((p) => ({ label: formatDate(p.built_at), value: p.offers }));
      const growth = [];
      if (typeof series.growth_3_months === 'number') growth.push(`${formatGrowth(series.growth_3_months)} sur 3 mois`);
      if (typeof series.growth_12_months === 'number') growth.push(`${formatGrowth(series.growth_12_months)} sur 12 mois`);
      replaceChildren(body,
        lineChart({ caption: `Offres d’emploi pour ${followed.label}, version après version`, points, valueHeader: 'Offres' }),
        h('p', { class: 'history-growth' }, growth.length
          ? `Évolution : ${growth.join(', ')}.`
          : `${plural(points.length, 'version publiée', 'versions publiées')} : pas encore assez d’historique pour une évolution sur 3 ou 12 mois.`),
        h('p', { class: 'downloads' }, h('a', { href: api.historyUrl(params, 'csv'), download: `passerelle-historique-${territory.replace(':', '-')}.csv` }, 'Télécharger l’historique (CSV)')));
    } catch (error) {
      if (api.isAbort(error)) return;
      replaceChildren(body, errorBox(error, 'L’historique n’a pas pu être chargé'));
    }
  }

  function trainingItem(t) {
    const covers = asArray(t.covers);
    const reasons = asArray(t.reasons);
    return h('li', {},
      h('p', { class: 'training-title' }, t.title ?? t.id),
      h('p', { class: 'meta' }, [t.provider, t.city, t.modality ? modalityLabel(t.modality) : null].filter(Boolean).join(' · ')),
      // The reasons already name what the training answers; the bare list is the fallback.
      reasons.length
        ? h('ul', { class: 'training-reasons' }, reasons.map((r) => h('li', {}, String(r))))
        : covers.length ? h('p', { class: 'meta' }, 'Couvre : ', covers.slice(0, 6).map((c) => c.label).join(', ')) : null);
  }

  function renderCharts(clustersAnswer) {
    const clusters = asArray(clustersAnswer.clusters);
    const model = clustersAnswer.model ?? {};
    const demand = document.getElementById('chart-demand');
    const growth = document.getElementById('chart-growth');
    const sorted = [...clusters].sort((a, b) => (b.size ?? 0) - (a.size ?? 0));
    replaceChildren(demand,
      h('h2', { class: 'card-title' }, 'Demande par besoin'),
      sorted.length ? barChart({
        caption: `Offres d’emploi par besoin${model.postings ? ` (${formatInteger(model.postings)} offres analysées` : ''}${model.built_at ? `${model.postings ? ', ' : ' ('}mise à jour du ${formatDate(String(model.built_at).slice(0, 10))})` : model.postings ? ')' : ''}`,
        items: sorted.map((c) => ({ label: c.label, value: c.size, hint: formatShare(c.share) })),
        valueHeader: 'Offres',
        labelWidth: 480,
        width: 980,
        className: 'chart-demand',
      }) : h('p', { class: 'hint' }, 'Aucun besoin dans le modèle.'));
    const withGrowth = clusters.filter((c) => typeof c.growth === 'number' && Number.isFinite(c.growth)).sort((a, b) => b.growth - a.growth);
    replaceChildren(growth,
      h('h2', { class: 'card-title' }, 'Évolution depuis la mise à jour précédente'),
      withGrowth.length ? barChart({
        caption: 'Variation du nombre d’offres par besoin',
        items: withGrowth.map((c) => ({ label: c.label, value: c.growth })),
        format: formatGrowth,
        valueHeader: 'Variation',
        labelWidth: 480,
        width: 980,
        className: 'chart-growth',
      }) : h('p', { class: 'hint' }, 'Pas encore de mise à jour précédente à comparer : l’évolution par besoin apparaîtra après le prochain rafraîchissement des offres.'));
  }

  function renderReference(clustersAnswer) {
    const container = document.getElementById('clusters-reference');
    const clusters = [...asArray(clustersAnswer.clusters)].sort((a, b) => (b.size ?? 0) - (a.size ?? 0));
    replaceChildren(container,
      h('h2', { class: 'card-title' }, 'Cartographie des métiers du numérique'),
      h('p', { class: 'hint' }, `Les ${clusters.length} besoins repérés dans les offres, avec leurs compétences principales et les métiers ROME qui les recrutent.`),
      h('ul', { class: 'cluster-grid' }, clusters.map((c) => h('li', { class: 'cluster-card' },
        h('h3', {}, c.label ?? c.id),
        h('p', { class: 'meta' }, `${plural(c.size ?? 0, 'offre')} · ${formatShare(c.share)} de la demande${typeof c.growth === 'number' ? ` · évolution ${formatGrowth(c.growth)}` : ''}`),
        asArray(c.top_skills).length ? h('div', {},
          h('p', { class: 'field-label' }, 'Compétences'),
          h('ul', { class: 'chips static' }, asArray(c.top_skills).slice(0, 8).map((s) => h('li', { class: 'chip' }, s.label ?? s.id)))) : null,
        asArray(c.rome).length ? h('div', {},
          h('p', { class: 'field-label' }, 'Métiers'),
          h('ul', { class: 'plain-list' }, asArray(c.rome).slice(0, 4).map((r) => h('li', {}, `${r.label ?? ''} (${r.code})`, typeof r.share === 'number' ? h('span', { class: 'muted' }, ` ${formatShare(r.share)}`) : null)))) : null,
        asArray(c.examples).length ? h('details', {},
          h('summary', {}, 'Exemples d’offres'),
          h('ul', { class: 'plain-list' }, asArray(c.examples).map((e) => h('li', {}, typeof e === 'string' ? e : e.title ?? e.id)))) : null,
        h('button', {
          type: 'button',
          class: 'link-button',
          onclick: () => {
            clusterSelect.value = c.id;
            clusterSelect.dispatchEvent(new Event('change', { bubbles: true }));
            document.getElementById('map-controls').scrollIntoView({ behavior: 'smooth', block: 'start' });
            clusterSelect.focus({ preventScroll: true });
          },
        }, 'Voir ce besoin sur la carte')))));
  }

  function renderEmerging(answer) {
    const container = document.getElementById('emerging');
    const terms = asArray(answer.emerging);
    replaceChildren(container,
      h('h2', { class: 'card-title' }, 'Compétences émergentes'),
      h('p', { class: 'hint' }, 'Termes techniques fréquents dans les offres qu’aucune compétence du référentiel ne couvre encore : à examiner pour enrichir le référentiel.'),
      terms.length ? h('table', { class: 'data-table' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Terme'), h('th', { scope: 'col', class: 'num' }, 'Offres'), h('th', { scope: 'col' }, 'Exemples'))),
        h('tbody', {}, terms.slice(0, 30).map((e) => h('tr', {},
          h('th', { scope: 'row' }, e.term),
          h('td', { class: 'num' }, formatInteger(e.postings)),
          h('td', {}, asArray(e.examples).slice(0, 3).map((x) => (typeof x === 'string' ? x : x.title ?? x.id)).join(' · ')))))) : h('p', { class: 'hint' }, 'Aucun terme émergent repéré.'));
  }

  async function start() {
    showLoading(mapContainer, 'Chargement de la carte…');
    try {
      geography = await api.geography();
      // Without outlines there is only the tile grid to show.
      document.getElementById('map-view-choice').hidden = !geography.outlines;
    } catch (error) {
      showError(mapContainer, error, 'La géographie n’a pas pu être chargée');
      return;
    }
    drawMap();
    loadInto(document.getElementById('chart-demand'), 'Chargement des besoins…', () => api.clusters(), (answer) => {
      clusterLabels = new Map(asArray(answer.clusters).map((c) => [c.id, c.label]));
      for (const c of [...asArray(answer.clusters)].sort((a, b) => String(a.label).localeCompare(String(b.label), 'fr'))) {
        clusterSelect.append(h('option', { value: c.id }, c.label ?? c.id));
      }
      renderCharts(answer);
      renderReference(answer);
    }).then((answer) => {
      if (!answer) replaceChildren(document.getElementById('chart-growth'), h('h2', { class: 'card-title' }, 'Évolution depuis la mise à jour précédente'), errorBox({ message: 'Les besoins n’ont pas pu être chargés.' }));
    });
    loadInto(document.getElementById('emerging'), 'Chargement des compétences émergentes…', () => api.emerging(), renderEmerging);
  }

  start();
}
