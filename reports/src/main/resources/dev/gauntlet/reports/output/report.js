// Renders the trials of a clicked matrix cell, and a clicked trial's trajectory, from the JSON embedded in the page.
(function () {
  'use strict';
  const data = JSON.parse(document.getElementById('trial-data').textContent);
  // trial fields, in the order HtmlReport writes them
  const C = 0, T = 1, ATTEMPT = 2, STATUS = 3, ERROR_KIND = 4, ERROR = 5, REWARD = 6, MS = 7, STEPS = 8, IN = 9, OUT = 10,
    COST = 11, ID = 12, EMBEDDED = 13, OMITTED = 14, LIMIT = 15;
  const byCell = new Map();
  data.trials.forEach((trial, i) => {
    const key = trial[T] + ':' + trial[C];
    if (!byCell.has(key)) byCell.set(key, []);
    byCell.get(key).push(i);
  });
  let stepsByTrial = null;
  function stepsOf(trial) {
    if (stepsByTrial === null) {
      stepsByTrial = new Map();
      for (const step of JSON.parse(document.getElementById('step-data').textContent)) {
        if (!stepsByTrial.has(step[0])) stepsByTrial.set(step[0], []);
        stepsByTrial.get(step[0]).push(step);
      }
      stepsByTrial.forEach(list => list.sort((a, b) => a[1] - b[1]));
    }
    return stepsByTrial.get(trial) || [];
  }
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
    children.forEach(c => node.append(c));
    return node;
  }
  const cellPanel = document.getElementById('cell');
  const trajectoryPanel = document.getElementById('trajectory');

  function showCell(td) {
    document.querySelectorAll('#matrix-table td.selected').forEach(c => c.classList.remove('selected'));
    td.classList.add('selected');
    const task = +td.dataset.t, contender = +td.dataset.c;
    const trials = byCell.get(task + ':' + contender) || [];
    cellPanel.replaceChildren(el('h3', {}, data.tasks[task] + ' — ' + data.contenders[contender]));
    const list = el('ul', {class: 'trials'});
    trials.forEach(i => {
      const t = data.trials[i];
      const summary = 'attempt ' + t[ATTEMPT] + ': ' + t[STATUS] + (t[ERROR_KIND] ? ' (' + t[ERROR_KIND] + ')' : '') +
        ', reward ' + (t[REWARD] === null ? '-' : t[REWARD]) + ', ' + (t[MS] / 1000).toFixed(1) + ' s, ' + t[STEPS] + ' steps' +
        (t[LIMIT] ? ' (' + t[LIMIT] + ' limit)' : '') + ', ' + t[IN] + ' in / ' + t[OUT] + ' out tokens' +
        (t[COST] === null ? '' : ', $' + t[COST].toFixed(4));
      const button = el('button', {type: 'button', class: 'trial', 'data-trial': String(i)}, 'trajectory');
      button.addEventListener('click', () => showTrial(i));
      list.append(el('li', {}, button, ' ' + summary));
    });
    cellPanel.append(list);
    cellPanel.hidden = false;
    trajectoryPanel.hidden = true;
    cellPanel.scrollIntoView({block: 'nearest'});
  }

  function showTrial(i) {
    const t = data.trials[i];
    trajectoryPanel.replaceChildren(el('h3', {}, 'Trajectory: ' + data.tasks[t[T]] + ', attempt ' + t[ATTEMPT] + ', ' + data.contenders[t[C]]),
      el('p', {class: 'note'}, 'trial ' + t[ID] + ' — ' + t[STATUS] + (t[ERROR_KIND] ? ': ' + t[ERROR_KIND] : '')));
    if (t[ERROR]) trajectoryPanel.append(el('pre', {class: 'out step-error'}, t[ERROR]));
    const steps = stepsOf(i);
    if (steps.length === 0) {
      trajectoryPanel.append(el('p', {}, t[STEPS] === 0 ? 'This trial recorded no agent steps.' : 'Its steps are not embedded in this report.'));
    }
    const list = el('ol', {class: 'steps'});
    for (const [, step, modelMs, execMs, command, exitCode, output, error] of steps) {
      const item = el('li', {value: String(step), class: 'step'});
      item.append(el('span', {class: 'note'}, 'model ' + modelMs + ' ms, command ' + execMs + ' ms '));
      if (exitCode !== null) item.append(el('span', {class: 'exit ' + (exitCode === 0 ? 'ok' : 'bad')}, 'exit ' + exitCode));
      if (command !== null) item.append(el('pre', {class: 'cmd'}, '$ ' + command));
      if (output !== null) item.append(el('pre', {class: 'out'}, output));
      if (error !== null) item.append(el('div', {class: 'step-error'}, error));
      list.append(item);
    }
    trajectoryPanel.append(list);
    if (t[OMITTED] > 0) {
      trajectoryPanel.append(el('p', {class: 'note'}, t[OMITTED] + ' more step(s) are not embedded; they are in the run\'s steps/ files.'));
    }
    trajectoryPanel.hidden = false;
    trajectoryPanel.scrollIntoView({block: 'start'});
  }

  document.getElementById('matrix-table').addEventListener('click', event => {
    const td = event.target.closest('td[data-t]');
    if (td && !td.classList.contains('none')) showCell(td);
  });
})();
