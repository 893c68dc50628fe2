// Entry point of the web application: ARIA tabs for the three views, each started on first use.

import { initAdviser } from './adviser.js';
import { initObservatory } from './observatory.js';
import { initProvider } from './provider.js';

const VIEWS = {
  conseiller: initAdviser,
  observatoire: initObservatory,
  organismes: initProvider,
};
const TITLES = {
  conseiller: 'Conseiller : recommander des formations',
  observatoire: 'Observatoire des besoins',
  organismes: 'Organismes : couverture d’un programme',
};
const started = new Set();

const tabs = [...document.querySelectorAll('[role="tab"]')];

function viewFromHash() {
  const name = location.hash.replace(/^#/, '');
  return name in VIEWS ? name : 'conseiller';
}

/** Shows one view; `focus` moves the keyboard focus to its tab (arrow-key navigation). */
function activate(view, { focus = false, updateHash = true } = {}) {
  for (const tab of tabs) {
    const selected = tab.dataset.view === view;
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
    document.getElementById(tab.getAttribute('aria-controls')).hidden = !selected;
    if (selected && focus) tab.focus();
  }
  if (updateHash && location.hash !== `#${view}`) history.replaceState(null, '', `#${view}`);
  document.title = `${TITLES[view]} — Passerelle`;
  if (!started.has(view)) {
    started.add(view);
    VIEWS[view]();
  }
}

for (const tab of tabs) {
  tab.addEventListener('click', () => activate(tab.dataset.view));
  tab.addEventListener('keydown', (event) => {
    const index = tabs.indexOf(tab);
    const moves = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    const next = tabs[(moves[event.key] + tabs.length) % tabs.length];
    activate(next.dataset.view, { focus: true });
  });
}

window.addEventListener('hashchange', () => activate(viewFromHash(), { updateHash: false }));
activate(viewFromHash(), { updateHash: false });
