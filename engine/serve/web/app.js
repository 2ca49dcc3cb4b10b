// The desk's page: the claims list, a claim's page and the forms, over the JSON API
// (docs/api.md). Every text from the case is put into the page with textContent, never as
// markup; links are made only from http(s) URLs. The only markup parsed is the server's
// SVG (escaped by the render layer), and the Content-Security-Policy runs no inline script.
'use strict';

const state = { claims: [], sort: { key: 'score', descending: true }, claim: null, view: null };

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

function verdictBadge(verdict) {
  return element('span', verdict, 'verdict verdict-' + verdict.replace(/ /g, '-'));
}

function isHttpUrl(text) {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch (error) {
    return false;
  }
}

async function getJson(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  const body = await response.json();
  if (!response.ok) throw new Error(body.detail || response.statusText);
  return body;
}

function setStatus(text) {
  document.getElementById('case-status').textContent = text;
}

// ---- The claims list
async function loadClaims() {
  const body = await getJson('/api/claims?limit=10000');
  state.claims = body.claims;
  setStatus('Revision ' + body.revision + ', ' + body.total + ' claims' +
            (body.total > body.claims.length ? ' (the first ' + body.claims.length + ' shown)' : ''));
  drawClaims();
}

function drawClaims() {
  const words = document.getElementById('filter-text').value.toLowerCase().split(/\s+/).filter(Boolean);
  const verdict = document.getElementById('filter-verdict').value.replace(/-/g, ' ');
  const rows = state.claims.filter((claim) =>
    (!verdict || claim.verdict === verdict) &&
    words.every((word) => claim.text.toLowerCase().includes(word) || claim.id.toLowerCase().includes(word)));
  const { key, descending } = state.sort;
  rows.sort((a, b) => {
    const order = typeof a[key] === 'number' ? a[key] - b[key] : String(a[key]).localeCompare(String(b[key]));
    return (descending ? -order : order) || a.id.localeCompare(b.id);
  });
  const body = document.getElementById('claims-body');
  body.replaceChildren();
  for (const claim of rows) {
    const row = element('tr');
    row.dataset.claim = claim.id;
    const cell = element('td');
    const link = element('a', claim.text);
    link.href = '#/claim/' + encodeURIComponent(claim.id);
    cell.append(link, element('div', claim.id, 'hint'));
    const verdictCell = element('td');
    verdictCell.append(verdictBadge(claim.verdict));
    row.append(cell, element('td', claim.score.toFixed(3), 'number score'), verdictCell,
               element('td', claim.reports, 'number'), element('td', claim.independent_origins, 'number'));
    body.append(row);
  }
  document.getElementById('claims-empty').hidden = rows.length > 0;
  for (const header of document.querySelectorAll('#claims-table th')) {
    const sortKey = header.querySelector('button').dataset.sort;
    header.setAttribute('aria-sort', sortKey === key ? (descending ? 'descending' : 'ascending') : 'none');
  }
}

// ---- A claim's page
async function loadClaim(id) {
  const claim = await getJson('/api/claims/' + encodeURIComponent(id));
  state.claim = claim;
  setStatus('Revision ' + claim.revision);
  document.getElementById('claim-heading').textContent = claim.text;
  const summary = document.getElementById('claim-summary');
  summary.replaceChildren(element('span', 'Score ' + claim.score.toFixed(3) + ' ', 'score'), verdictBadge(claim.verdict),
    element('span', ' ' + claim.reports + ' reports, ' + claim.independent_origins + ' independent origins; id ' + claim.id));
  document.getElementById('claim-explanation').textContent = claim.explanation;
  await loadPicture(id);
  const history = await getJson('/api/history?record=' + encodeURIComponent(id));
  const list = document.getElementById('claim-history');
  list.replaceChildren();
  if (history.history.length === 0) list.append(element('li', 'No change since the case was loaded.'));
  for (const change of history.history) {
    list.append(element('li', change.time + ': ' + change.author + ' ' + change.action + ' ' + change.collection + ' ' +
                              change.id + ' (revision ' + change.revision + ')'));
  }
}

async function loadPicture(id) {
  const response = await fetch('/api/claims/' + encodeURIComponent(id) + '/svg', { credentials: 'same-origin' });
  const picture = document.getElementById('picture');
  picture.replaceChildren();
  if (!response.ok) {
    picture.append(element('p', 'The picture could not be drawn.'));
    return;
  }
  // The server's SVG, parsed as XML (DOMParser never runs scripts) and adopted into the page.
  const documentNode = new DOMParser().parseFromString(await response.text(), 'image/svg+xml');
  const svg = document.importNode(documentNode.documentElement, true);
  svg.removeAttribute('width');
  svg.removeAttribute('height');
  svg.setAttribute('focusable', 'false');
  picture.append(svg);
  state.view = svg.viewBox.baseVal ? { x: svg.viewBox.baseVal.x, y: svg.viewBox.baseVal.y,
    width: svg.viewBox.baseVal.width, height: svg.viewBox.baseVal.height } : null;
  state.home = state.view && { ...state.view };
  // Each node's id attribute is its casefile id (engine/render/dot_writer.cpp).
  for (const node of svg.querySelectorAll('g.node:not(.legend)')) {
    const id = node.getAttribute('id');
    if (!id) continue;
    node.setAttribute('tabindex', '0');
    node.setAttribute('role', 'button');
    node.setAttribute('aria-label', 'Record ' + id);
    node.addEventListener('click', (event) => { event.stopPropagation(); showRecord(id, node); });
    node.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); showRecord(id, node); }
    });
  }
}

async function showRecord(id, node) {
  for (const selected of document.querySelectorAll('#picture g.node.selected')) selected.classList.remove('selected');
  node.classList.add('selected');
  const record = await getJson('/api/records/' + encodeURIComponent(id));
  const fields = document.getElementById('record-fields');
  fields.replaceChildren();
  document.getElementById('record-empty').hidden = true;
  const add = (name, value) => {
    if (value === undefined || value === null || value === '') return;
    const description = element('dd');
    if (value instanceof Node) description.append(value); else description.textContent = String(value);
    fields.append(element('dt', name), description);
  };
  add('Kind', record.kind);
  add('Id', record.id);
  add('Label', record.label);
  add('Published', record.published);
  add('Publisher', record.publisher);
  if (record.url) {
    if (isHttpUrl(record.url)) {
      const link = element('a', record.url);
      link.href = record.url;
      link.rel = 'noopener noreferrer';
      add('URL', link);
    } else {
      add('URL', record.url);
    }
  }
  if (record.score !== undefined) add('Score', record.score.toFixed(3) + ' (' + record.verdict + ')');
  for (const assertion of record.assertions || []) {
    if (state.claim && assertion.claim !== state.claim.id) continue;
    add('Quote (' + assertion.stance + ')', assertion.quote ? '\u201c' + assertion.quote + '\u201d' : '(no quote)');
  }
}

// Pan and zoom by moving the SVG's viewBox: the picture stays vector-sharp at any scale.
function applyView() {
  const svg = document.querySelector('#picture svg');
  if (!svg || !state.view) return;
  const v = state.view;
  svg.setAttribute('viewBox', v.x + ' ' + v.y + ' ' + v.width + ' ' + v.height);
}

function zoom(factor, centerX, centerY) {
  if (!state.view) return;
  const v = state.view;
  const cx = centerX === undefined ? v.x + v.width / 2 : centerX;
  const cy = centerY === undefined ? v.y + v.height / 2 : centerY;
  v.x = cx - (cx - v.x) * factor;
  v.y = cy - (cy - v.y) * factor;
  v.width *= factor;
  v.height *= factor;
  applyView();
}

function pan(dx, dy) {
  if (!state.view) return;
  state.view.x += dx * state.view.width;
  state.view.y += dy * state.view.height;
  applyView();
}

function setUpPicture() {
  const picture = document.getElementById('picture');
  picture.addEventListener('wheel', (event) => {
    const svg = picture.querySelector('svg');
    if (!svg || !state.view) return;
    event.preventDefault();
    const box = svg.getBoundingClientRect();
    const x = state.view.x + (event.clientX - box.left) / box.width * state.view.width;
    const y = state.view.y + (event.clientY - box.top) / box.height * state.view.height;
    zoom(event.deltaY > 0 ? 1.2 : 1 / 1.2, x, y);
  }, { passive: false });
  let drag = null;
  picture.addEventListener('pointerdown', (event) => { drag = { x: event.clientX, y: event.clientY }; });
  window.addEventListener('pointerup', () => { drag = null; });
  picture.addEventListener('pointermove', (event) => {
    if (!drag || !state.view) return;
    const box = picture.getBoundingClientRect();
    pan(-(event.clientX - drag.x) / box.width, -(event.clientY - drag.y) / box.height);
    drag = { x: event.clientX, y: event.clientY };
  });
  picture.addEventListener('keydown', (event) => {
    const moves = { ArrowLeft: [-0.1, 0], ArrowRight: [0.1, 0], ArrowUp: [0, -0.1], ArrowDown: [0, 0.1] };
    if (moves[event.key]) pan(...moves[event.key]);
    else if (event.key === '+' || event.key === '=') zoom(1 / 1.2);
    else if (event.key === '-') zoom(1.2);
    else if (event.key === '0') resetView();
    else return;
    event.preventDefault();
  });
  document.getElementById('zoom-in').addEventListener('click', () => zoom(1 / 1.2));
  document.getElementById('zoom-out').addEventListener('click', () => zoom(1.2));
  document.getElementById('zoom-reset').addEventListener('click', resetView);
}

function resetView() {
  if (state.home) state.view = { ...state.home };
  applyView();
}

// ---- The forms: each posts a casefile fragment; each located error goes beside its field.
function clearErrors(form) {
  form.querySelector('.form-error').classList.remove('ok');
  for (const error of form.querySelectorAll('.field-error, .form-error')) error.textContent = '';
  for (const input of form.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
}

// "/assertions/0/claim" names the field "claim" of the form's one record; anything else
// (the whole body, a reference elsewhere) is said at the foot of the form.
function showErrors(form, problem) {
  const collection = form.dataset.collection;
  const formError = form.querySelector('.form-error');
  const errors = problem.errors && problem.errors.length ? problem.errors : [{ pointer: '', message: problem.detail }];
  const unplaced = [];
  for (const error of errors) {
    const parts = error.pointer.split('/');
    const field = parts[1] === collection && parts[2] === '0' && parts[3] ? form.querySelector('[name="' + CSS.escape(parts[3]) + '"]') : null;
    if (field) {
      const slot = document.getElementById(field.id + '-error');
      slot.textContent = (slot.textContent ? slot.textContent + ' ' : '') + error.message +
                         ' (line ' + error.line + ', column ' + error.column + ')';
      field.setAttribute('aria-invalid', 'true');
    } else {
      unplaced.push(error.message + (error.pointer ? ' at ' + error.pointer : ''));
    }
  }
  formError.textContent = unplaced.length ? problem.detail + ': ' + unplaced.join('; ') : '';
  if (problem.status === 409 && !unplaced.length && problem.ids) formError.textContent = problem.detail;
  const first = form.querySelector('[aria-invalid="true"]');
  if (first) first.focus();
}

async function submitForm(event) {
  event.preventDefault();
  const form = event.currentTarget;
  clearErrors(form);
  const record = {};
  for (const input of form.querySelectorAll('input, select')) {
    if (input.value !== '') record[input.name] = input.value;
  }
  const body = {};
  body[form.dataset.collection] = [record];
  const response = await fetch('/api/records', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + document.getElementById('token').value },
    body: JSON.stringify(body, null, 1),
  });
  const answer = await response.json();
  if (!response.ok) {
    showErrors(form, answer);
    return;
  }
  const done = form.querySelector('.form-error');
  done.textContent = 'Added ' + (answer.ids.length ? answer.ids.join(', ') : 'the record') + ' (revision ' + answer.revision + ')';
  done.classList.add('ok');
  form.reset();
  await route();
}

// ---- Routing by the address's fragment, so the page never reloads.
async function route() {
  const match = /^#\/claim\/(.+)$/.exec(location.hash);
  document.getElementById('list-view').hidden = Boolean(match);
  document.getElementById('claim-view').hidden = !match;
  try {
    if (match) await loadClaim(decodeURIComponent(match[1]));
    else await loadClaims();
  } catch (error) {
    setStatus('Could not load: ' + error.message);
  }
}

document.addEventListener('DOMContentLoaded', () => {
  document.getElementById('filter-text').addEventListener('input', drawClaims);
  document.getElementById('filter-verdict').addEventListener('change', drawClaims);
  for (const button of document.querySelectorAll('#claims-table th button')) {
    button.addEventListener('click', () => {
      const key = button.dataset.sort;
      state.sort = { key, descending: state.sort.key === key ? !state.sort.descending : key !== 'text' };
      drawClaims();
    });
  }
  const token = document.getElementById('token');
  token.value = sessionStorage.getItem('claimgraph-token') || '';
  token.addEventListener('change', () => sessionStorage.setItem('claimgraph-token', token.value));
  for (const form of document.querySelectorAll('#forms form')) form.addEventListener('submit', submitForm);
  setUpPicture();
  window.addEventListener('hashchange', route);
  route();
});
