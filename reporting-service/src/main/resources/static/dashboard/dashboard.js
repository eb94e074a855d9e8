/*
 * Case QA board dashboard: the /board REST API shown as headline tiles, ECharts charts and GOV.UK tables, kept up to
 * date by the /board/stream server-sent events. Plain JavaScript, no build step. Every chart has a table with the
 * same figures; every number in a table (and every bar) lists the audits behind it.
 */
(function () {
  'use strict';

  window.__loadedAt = Date.now(); // tests check that live updates arrive without a reload

  const GRADES = ['OUTSTANDING', 'GOOD', 'REQUIRES_IMPROVEMENT', 'INADEQUATE', 'AWAITING_MODERATION'];
  const DIRECTIONS = ['AGREED', 'UPGRADED', 'DOWNGRADED'];
  const STATUSES = ['MET', 'LATE', 'OVERDUE', 'OPEN'];
  const CLOCKS = ['AUDIT_COMPLETION', 'IRO_COMMENTS', 'MODERATION', 'PANEL_CLOSE', 'ACTIONS', 'SAFETY_PLAN',
    'RE_AUDIT', 'SHORT_AUDIT'];
  const CHARTED = ['final-grades', 'moderation', 'timeliness', 'practice-domains', 'cases-of-concern'];
  const COLOURS = {
    OUTSTANDING: '#00703c', GOOD: '#85994b', REQUIRES_IMPROVEMENT: '#f47738', INADEQUATE: '#d4351c',
    AWAITING_MODERATION: '#b1b4b6', AGREED: '#1d70b8', UPGRADED: '#00703c', DOWNGRADED: '#d4351c',
    MET: '#00703c', LATE: '#f47738', OVERDUE: '#d4351c', OPEN: '#b1b4b6'
  };
  const LABELS = {
    IRO_COMMENTS: 'IRO comments (72 hours)', SAFETY_PLAN: 'Safety plan (24 hours)', RE_AUDIT: 'Re-audit (6 weeks)',
    PANEL_CLOSE: 'Panel close (2 working days)', REAUDIT: 'Re-audit', BELOW_GOOD: 'below Good',
    goodOrBetterPercent: '% Good or better', inadequatePercent: '% Inadequate', unchangedPercent: '% grade unchanged',
    agreementPercent: '% agreed', upgradedPercent: '% upgraded', downgradedPercent: '% downgraded',
    kappa: "Cohen's kappa", obtainedPercent: '% obtained', completedPercent: '% completed',
    verifiedPercent: '% verified', planInTimePercent: '% safety plans in 24 hours',
    closedImprovedPercent: '% closed improved', metPercent: '% met', belowGoodPercent: '% below Good'
  };
  const NOUNS = {SERVICE: ['service', 'services'], TEAM: ['team', 'teams'], COHORT: ['cohort', 'cohorts'],
    AUDITOR: ['auditor', 'auditors']};
  const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
    'November', 'December'];
  const PRINT_WIDTH = 680;
  const AXIS_LABEL = {color: '#0b0c0c', fontSize: 14};

  const $ = (id) => document.getElementById(id);
  const form = $('filters');
  const filters = {council: $('council'), breakdown: $('breakdown'), value: $('value'), periodType: $('periodType'),
    period: $('period'), measure: $('measure')};
  const wanted = new URLSearchParams(location.search);
  const measures = {};
  const loaded = {};
  const charts = {};
  const clicks = {};
  const pending = new Set();
  let trend = [];
  let generation = 0;
  let pendingTimer = null;
  let source = null;

  // ---- small helpers ----

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([name, value]) => {
      if (value === undefined || value === null || value === false) {
        return;
      }
      if (name.startsWith('on')) {
        node.addEventListener(name.slice(2), value);
      } else {
        node.setAttribute(name, value === true ? '' : value);
      }
    });
    children.flat().forEach((child) => child != null && node.append(child));
    return node;
  }

  // The reader's token: given once in the address's fragment (#token=..., never sent to a server), kept for this
  // tab only, and sent with every request for figures.
  const TOKEN = 'caseqa.token';
  const given = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (given) {
    sessionStorage.setItem(TOKEN, decodeURIComponent(given[1]));
    history.replaceState(null, '', location.pathname + location.search);
  }
  function token() {
    return sessionStorage.getItem(TOKEN) || '';
  }
  // no token given: a person signs in (as on any page of the service), and comes back with their own
  if (!token()) {
    location.replace('/pages/dashboard' + location.search);
    return;
  }

  async function get(path, params) {
    const query = new URLSearchParams(Object.entries(params || {}).filter(([, v]) => v));
    const response = await fetch(path + '?' + query,
        {headers: {Accept: 'application/json', Authorization: 'Bearer ' + token()}});
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      throw new Error(problem.detail || path + ' answered ' + response.status);
    }
    return response.json();
  }

  const words = (s) => s.charAt(0) + s.slice(1).toLowerCase().replace(/_/g, ' ');
  const sum = (counts, keys) => keys.reduce((n, k) => n + ((counts || {})[k] || 0), 0);
  const all = (counts) => sum(counts, Object.keys(counts || {}));
  const pct = (x) => x == null ? '–' : x.toFixed(1) + '%';
  const kappa = (x) => x == null ? '–' : x.toFixed(2);

  /** A bucket or figure name as a reader says it: GOOD>INADEQUATE, IRO_COMMENTS:metPercent, childs-voice:GRADED. */
  function label(key) {
    return key.split('>').map((pair) => pair.split(':')
        .map((part) => LABELS[part] || (/^[A-Z_]+$/.test(part) ? words(part) : part)).join(': ')).join(' to ');
  }

  const councilName = (id) => id.split('-')
      .map((w) => ['and', 'of', 'upon', 'on', 'the'].includes(w) ? w : w.charAt(0).toUpperCase() + w.slice(1)).join(' ');

  function valueName(aggregate) {
    if (aggregate.breakdown === 'COUNCIL') {
      return councilName(aggregate.value);
    }
    return aggregate.breakdown === 'COHORT' ? words(aggregate.value) : aggregate.value;
  }

  function periodName(key) {
    let m;
    if ((m = /^(\d{4})-(\d{2})$/.exec(key))) {
      return MONTHS[m[2] - 1] + ' ' + m[1];
    }
    if ((m = /^(\d{4})-W(\d{2})$/.exec(key))) {
      return 'Week ' + Number(m[2]) + ' of ' + m[1];
    }
    if ((m = /^6w-(\d{4})-(\d{2})-(\d{2})$/.exec(key))) {
      return '6 weeks from ' + Number(m[3]) + ' ' + MONTHS[m[2] - 1] + ' ' + m[1];
    }
    if ((m = /^(\d{4})-Q(\d)$/.exec(key))) {
      return MONTHS[(m[2] - 1) * 3] + ' to ' + MONTHS[(m[2] - 1) * 3 + 2] + ' ' + m[1];
    }
    if ((m = /^(\d{4})-H(\d)$/.exec(key))) {
      return (m[2] === '1' ? 'January to June ' : 'July to December ') + m[1];
    }
    return key;
  }

  const shortPeriod = (key) => /^\d{4}-\d{2}$/.test(key) ? MONTHS[key.slice(5) - 1].slice(0, 3) + ' ' + key.slice(0, 4) : key;

  /** The filters as chosen; no value means all of the breakdown's values (or the whole council). */
  function state() {
    const breakdown = filters.breakdown.value;
    return {council: filters.council.value, breakdown, value: breakdown === 'COUNCIL' ? '' : filters.value.value,
      periodType: filters.periodType.value, period: filters.period.value};
  }

  /** Fills a select, keeping the choice in the address (first time only), else the current one, else the default. */
  function fill(select, options, fallback) {
    const keep = wanted.get(select.name) || select.value || fallback;
    wanted.delete(select.name);
    select.replaceChildren(...options.map((o) => el('option', {value: o.value}, o.text)));
    select.value = options.some((o) => o.value === keep) ? keep : fallback;
  }

  function fail(error) {
    $('error-message').textContent = error.message;
    $('error').hidden = false;
    $('error').focus();
  }

  // ---- loading ----

  async function loadValues() {
    const {council, breakdown} = state();
    $('value-group').hidden = breakdown === 'COUNCIL';
    if (breakdown === 'COUNCIL') {
      return;
    }
    const [one, many] = NOUNS[breakdown];
    document.querySelector('label[for=value]').textContent = 'Which ' + one;
    const values = await get('/board/values', {localAuthority: council, breakdown});
    filters.value.value = '';
    fill(filters.value, [{value: '', text: 'All ' + many}].concat(values.map((v) =>
      ({value: v, text: valueName({breakdown, value: v})}))), '');
  }

  /** The periods of the chosen type with audits counted, latest first; the latest is the default. */
  async function loadPeriods() {
    const {council, periodType} = state();
    const shown = await get('/board/aggregates', {localAuthority: council, measure: 'final-grades',
      breakdown: 'COUNCIL', periodType});
    const keys = shown.map((a) => a.period).reverse();
    fill(filters.period, keys.map((k) => ({value: k, text: periodName(k)})), keys[0]);
  }

  /** One measure in the period: by the breakdown's values (rows), and the selection's total. */
  async function loadMeasure(measure, s) {
    if (!s.period) {
      return {rows: [], total: undefined};
    }
    const q = {localAuthority: s.council, measure, period: s.period};
    const whole = s.breakdown === 'COUNCIL' || s.value;
    const [rows, council] = await Promise.all([get('/board/aggregates', {...q, breakdown: s.breakdown, value: s.value}),
      whole ? [] : get('/board/aggregates', {...q, breakdown: 'COUNCIL'})]);
    return {rows, total: whole ? rows[0] : council[0]};
  }

  /** Final grades of the selection over the 12 periods of the type up to the chosen one. */
  async function loadTrend(s) {
    if (!s.period) {
      return [];
    }
    const shown = await get('/board/aggregates', {localAuthority: s.council, measure: 'final-grades',
      breakdown: s.value ? s.breakdown : 'COUNCIL', value: s.value, periodType: s.periodType, to: s.period});
    return shown.slice(-12);
  }

  async function refresh(ids) {
    const s = state();
    const unique = [...new Set(ids)];
    const results = await Promise.all(unique.map((id) => id === 'trend' ? loadTrend(s) : loadMeasure(id, s)));
    if (JSON.stringify(state()) !== JSON.stringify(s)) {
      return; // the filters changed meanwhile, and that change loads its own
    }
    unique.forEach((id, i) => id === 'trend' ? (trend = results[i]) : (loaded[id] = results[i]));
    render(unique, s);
    $('updated').textContent = 'Last updated ' + new Date().toLocaleTimeString('en-GB');
  }

  async function changed(what) {
    const gen = ++generation;
    $('error').hidden = true;
    if (what === 'council') {
      listen();
    }
    if (what === 'council' || what === 'breakdown') {
      await loadValues();
    }
    if (what === 'council' || what === 'periodType') {
      await loadPeriods();
    }
    if (gen !== generation) {
      return; // a later change of the filters is under way
    }
    const s = state();
    history.replaceState(null, '', '?' + new URLSearchParams(Object.entries({...s, measure: filters.measure.value})
        .filter(([, v]) => v)));
    await refresh(what === 'measure' ? [filters.measure.value] : CHARTED.concat('trend', filters.measure.value));
  }

  // ---- live ----

  function listen() {
    if (source) {
      source.close();
    }
    source = new EventSource('/board/stream?localAuthority=' + encodeURIComponent(filters.council.value)
        + '&access_token=' + encodeURIComponent(token()));
    source.addEventListener('hello', () => {
      live('Live', 'govuk-tag--green');
      // what changed before the stream opened (or while it was down) was not heard: show the board as it is now
      refresh(CHARTED.concat('trend', filters.measure.value)).catch(fail);
    });
    source.addEventListener('aggregate', (e) => heard(JSON.parse(e.data)));
    source.addEventListener('error', () => live('Reconnecting', 'govuk-tag--grey'));
  }

  function live(text, colour) {
    $('live').replaceChildren(el('strong', {class: 'govuk-tag ' + colour}, text));
  }

  /** An aggregate changed: refresh what shows it, once the burst of changes one event makes has arrived. */
  function heard(aggregate) {
    const s = state();
    if (aggregate.localAuthority !== s.council) {
      return;
    }
    if (aggregate.period === s.period && ['COUNCIL', s.breakdown].includes(aggregate.breakdown)) {
      pending.add(aggregate.measure);
    }
    if (aggregate.measure === 'final-grades' && aggregate.periodType === s.periodType) {
      pending.add('trend');
    }
    if (pending.size && !pendingTimer) {
      pendingTimer = setTimeout(() => {
        pendingTimer = null;
        const ids = [...pending].filter((id) => id === 'trend' || CHARTED.includes(id) || id === filters.measure.value);
        pending.clear();
        refresh(ids).catch(fail);
      }, 300);
    }
  }

  // ---- drawing ----

  function render(ids, s) {
    const by = s.value ? valueName({breakdown: s.breakdown, value: s.value})
      : s.breakdown === 'COUNCIL' ? 'whole council' : 'by ' + NOUNS[s.breakdown][0];
    $('showing').textContent = s.period ? councilName(s.council) + ', ' + by + ', ' + periodName(s.period) + '.'
      : councilName(s.council || 'no council') + ': no audits counted yet.';
    if (ids.includes('final-grades')) {
      renderByValue('final-grades', GRADES, s, [['goodOrBetterPercent', pct]]);
    }
    if (ids.includes('moderation')) {
      renderByValue('moderation', DIRECTIONS, s, [['agreementPercent', pct], ['kappa', kappa]]);
    }
    if (ids.includes('timeliness')) {
      renderTimeliness(s);
    }
    if (ids.includes('practice-domains')) {
      renderDomains(s);
    }
    if (ids.includes('trend')) {
      renderTrend(s);
    }
    if (ids.includes(filters.measure.value)) {
      renderDetail(s);
    }
    renderTiles(s);
  }

  function tile(name, text, hint) {
    document.querySelector('[data-tile="' + name + '"]').textContent = text;
    document.querySelector('[data-hint="' + name + '"]').textContent = hint;
  }

  function renderTiles(s) {
    const total = (id) => (loaded[id] || {}).total || {counts: {}, figures: {}};
    const grades = total('final-grades');
    const moderation = total('moderation');
    const time = total('timeliness');
    const concerns = total('cases-of-concern');
    const ofMet = (clock) => sum(time.counts, [clock + ':MET']) + ' of '
        + sum(time.counts, [':MET', ':LATE', ':OVERDUE'].map((x) => clock + x)) + ' due by now';
    tile('audits', String(all(grades.counts)), 'full audits submitted');
    tile('good', pct(grades.figures.goodOrBetterPercent), sum(grades.counts, ['OUTSTANDING', 'GOOD']) + ' of '
        + sum(grades.counts, GRADES.slice(0, 4)) + ' with a final grade');
    tile('agreement', pct(moderation.figures.agreementPercent), sum(moderation.counts, ['AGREED']) + ' of '
        + sum(moderation.counts, ['MODERATED']) + ' moderated');
    tile('kappa', kappa(moderation.figures.kappa), 'auditor and moderator agreement beyond chance (1 is perfect)');
    tile('iro', pct(time.figures['IRO_COMMENTS:metPercent']), ofMet('IRO_COMMENTS'));
    tile('plans', pct(time.figures['SAFETY_PLAN:metPercent']), ofMet('SAFETY_PLAN'));
    const notCounted = s.value && !measures['cases-of-concern'].breakdowns.includes(s.breakdown);
    tile('concerns', notCounted ? '–' : String(sum(concerns.counts, ['OPEN'])), notCounted
      ? 'not counted by ' + NOUNS[s.breakdown][0] : 'of ' + sum(concerns.counts, ['OPENED']) + ' opened in the period');
  }

  /** Draws a chart (or hides it when there is nothing to draw); a click on a bar calls onClick. */
  function chart(id, name, option, onClick) {
    const box = $(id + '-chart');
    box.setAttribute('aria-label', name);
    box.hidden = !option;
    if (!option) {
      return;
    }
    if (!charts[id]) {
      charts[id] = echarts.init(box, null, {renderer: 'svg'});
      charts[id].on('click', (p) => clicks[id] && clicks[id](p));
    }
    clicks[id] = onClick;
    charts[id].resize();
    charts[id].setOption(Object.assign({
      animation: false,
      aria: {enabled: true, label: {enabled: false}, decal: {show: true}},
      textStyle: {fontFamily: 'arial, sans-serif', fontSize: 14},
      tooltip: {trigger: 'item'},
      legend: {top: 0},
      grid: {left: 8, right: 24, top: 48, bottom: 8, containLabel: true}
    }, option), true);
  }

  const barSeries = (buckets, data) => buckets.map((b) => ({id: b, name: label(b), type: 'bar', stack: 'all',
    data: data(b), itemStyle: {color: COLOURS[b]}, emphasis: {focus: 'series'}}));

  /** A table: caption, column headings, and rows of a heading and cells; a message instead when there are none. */
  function table(id, caption, headings, rows, empty) {
    const box = $(id + '-table');
    if (!rows.length) {
      box.replaceChildren(el('p', {class: 'govuk-body app-empty'}, empty));
      return;
    }
    box.replaceChildren(el('div', {class: 'app-table__scroll', role: 'region', 'aria-label': caption, tabindex: '0'},
      el('table', {class: 'govuk-table'},
        el('caption', {class: 'govuk-table__caption govuk-table__caption--s'}, caption),
        el('thead', {class: 'govuk-table__head'}, el('tr', {class: 'govuk-table__row'}, headings.map((h, i) =>
          el('th', {scope: 'col', class: 'govuk-table__header' + (i ? ' govuk-table__header--numeric' : '')}, h)))),
        el('tbody', {class: 'govuk-table__body'}, rows.map((r) => el('tr', {class: 'govuk-table__row', 'data-row': r.key},
          el('th', {scope: 'row', class: 'govuk-table__header'}, r.heading),
          r.cells.map((c) => el('td', {class: 'govuk-table__cell govuk-table__cell--numeric', 'data-cell': c.key},
            c.content))))))));
  }

  /** A count in a table; when not zero, a button that lists the records behind it. */
  function count(measure, aggregate, bucket) {
    const n = (aggregate.counts || {})[bucket] || 0;
    const number = el('span', {class: 'app-count'}, String(n));
    if (!n) {
      return {key: bucket, content: number};
    }
    return {key: bucket, content: el('button', {type: 'button', class: 'app-drill',
      onclick: () => drill(measure, aggregate, bucket)}, number,
    el('span', {class: 'govuk-visually-hidden'}, ': list them (' + label(bucket) + ', ' + valueName(aggregate) + ')'))};
  }

  const figure = (aggregate, name, format) => ({key: name, content: format((aggregate.figures || {})[name])});

  function renderByValue(measure, buckets, s, figures) {
    const rows = loaded[measure].rows;
    const by = s.breakdown === 'COUNCIL' ? 'the whole council' : s.value ? s.value : NOUNS[s.breakdown][0];
    const name = measures[measure].title + ' by ' + by + ', ' + periodName(s.period);
    chart(measure, 'Stacked bar chart: ' + name + '. The table below gives the figures.', rows.length && {
      xAxis: {type: 'category', data: rows.map(valueName),
        axisLabel: {...AXIS_LABEL, interval: 0, rotate: rows.length > 6 ? 30 : 0}},
      yAxis: {type: 'value', minInterval: 1, name: 'Audits', axisLabel: AXIS_LABEL},
      series: barSeries(buckets, (b) => rows.map((r) => r.counts[b] || 0))
    }, (p) => drill(measure, rows[p.dataIndex], p.seriesId));
    table(measure, name, [words(s.breakdown)].concat(buckets.map(label), 'Total', figures.map(([f]) => label(f))),
        rows.map((r) => ({key: r.value, heading: valueName(r), cells: buckets.map((b) => count(measure, r, b))
          .concat({key: 'total', content: String(sum(r.counts, buckets))}, figures.map(([f, fmt]) => figure(r, f, fmt)))})),
        'No ' + measures[measure].title.toLowerCase() + ' counted for this selection in ' + periodName(s.period) + '.');
  }

  function renderTimeliness(s) {
    const total = loaded.timeliness.total || {counts: {}, figures: {}};
    const clocks = [...new Set(Object.keys(total.counts).map((k) => k.split(':')[0]))]
        .sort((a, b) => CLOCKS.indexOf(a) - CLOCKS.indexOf(b));
    const name = 'Timeliness by clock, ' + periodName(s.period) + ' (met, late, overdue, or open and not yet due)';
    chart('timeliness', 'Stacked bar chart: ' + name + '. The table below gives the figures.', clocks.length && {
      yAxis: {type: 'category', inverse: true, data: clocks.map(label), axisLabel: AXIS_LABEL},
      xAxis: {type: 'value', minInterval: 1, name: 'Clocks', nameLocation: 'middle', nameGap: 30,
        axisLabel: AXIS_LABEL},
      series: barSeries(STATUSES, (st) => clocks.map((c) => total.counts[c + ':' + st] || 0))
    }, (p) => drill('timeliness', total, clocks[p.dataIndex] + ':' + p.seriesId));
    table('timeliness', name, ['Clock'].concat(STATUSES.map(label), '% met'), clocks.map((c) => ({key: c,
      heading: label(c), cells: STATUSES.map((st) => count('timeliness', total, c + ':' + st))
        .concat(figure(total, c + ':metPercent', pct))})), 'No clocks ran for this selection in ' + periodName(s.period) + '.');
  }

  function renderDomains(s) {
    const total = loaded['practice-domains'].total || {counts: {}, figures: {}};
    const domains = [...new Set(Object.keys(total.counts).map((k) => k.slice(0, k.lastIndexOf(':'))))].sort();
    const name = 'Practice domains graded below Good, ' + periodName(s.period);
    chart('practice-domains', 'Bar chart: ' + name + ', as a percentage of audits grading the domain. '
        + 'The table below gives the figures.', domains.length && {
      legend: {show: false},
      grid: {left: 8, right: 48, top: 8, bottom: 8, containLabel: true},
      yAxis: {type: 'category', inverse: true, data: domains, axisLabel: AXIS_LABEL},
      xAxis: {type: 'value', max: 100, axisLabel: {...AXIS_LABEL, formatter: '{value}%'}},
      series: [{id: 'BELOW_GOOD', name: '% below Good', type: 'bar', itemStyle: {color: '#1d70b8'},
        label: {show: true, position: 'right', formatter: '{c}%'},
        data: domains.map((d) => total.figures[d + ':belowGoodPercent'] || 0)}]
    }, (p) => drill('practice-domains', total, domains[p.dataIndex] + ':BELOW_GOOD'));
    table('practice-domains', name, ['Practice domain', 'Graded', 'Below Good', '% below Good'], domains.map((d) =>
      ({key: d, heading: d, cells: [count('practice-domains', total, d + ':GRADED'),
        count('practice-domains', total, d + ':BELOW_GOOD'), figure(total, d + ':belowGoodPercent', pct)]})),
    'No practice domains graded for this selection in ' + periodName(s.period) + '.');
  }

  function renderTrend(s) {
    const of = s.value ? valueName({breakdown: s.breakdown, value: s.value}) : councilName(s.council);
    const name = 'Audits graded Good or better, ' + of + ', the last ' + trend.length + ' periods to '
        + periodName(s.period);
    chart('trend', 'Line chart: ' + name + '. The table below gives the figures.', trend.length && {
      legend: {show: false},
      tooltip: {trigger: 'axis'},
      grid: {left: 8, right: 48, top: 24, bottom: 8, containLabel: true},
      xAxis: {type: 'category', data: trend.map((a) => shortPeriod(a.period)), axisLabel: AXIS_LABEL},
      yAxis: {type: 'value', min: 0, max: 100, axisLabel: {...AXIS_LABEL, formatter: '{value}%'}},
      series: [{name: '% Good or better', type: 'line', symbol: 'circle', symbolSize: 9, lineStyle: {width: 3},
        itemStyle: {color: '#1d70b8'}, label: {show: true, formatter: '{c}%'},
        data: trend.map((a) => a.figures.goodOrBetterPercent ?? null)}]
    });
    table('trend', name, ['Period', 'With a final grade', 'Good or better', '% Good or better'], trend.map((a) =>
      ({key: a.period, heading: periodName(a.period), cells: [{key: 'graded', content: String(sum(a.counts,
        GRADES.slice(0, 4)))}, {key: 'good', content: String(sum(a.counts, ['OUTSTANDING', 'GOOD']))},
      figure(a, 'goodOrBetterPercent', pct)]})), 'No audits graded for this selection yet.');
  }

  /** Any measure, every bucket and figure, by the breakdown's values (and the whole selection where several). */
  function renderDetail(s) {
    const measure = filters.measure.value;
    const {rows, total} = loaded[measure];
    const columns = rows.length > 1 && total ? rows.concat(total) : rows;
    const buckets = [...new Set(columns.flatMap((a) => Object.keys(a.counts)))].sort();
    const names = [...new Set(columns.flatMap((a) => Object.keys(a.figures)))].sort();
    const heading = (a) => a === total && columns.length > 1 ? 'All (' + valueName(a) + ')' : valueName(a);
    const notCounted = !measures[measure].breakdowns.includes(s.breakdown);
    table('detail', measures[measure].title + ', ' + periodName(s.period), [measures[measure].title]
        .concat(columns.map(heading)), buckets.map((b) => ({key: b, heading: label(b),
      cells: columns.map((a) => count(measure, a, b))})).concat(names.map((f) => ({key: f, heading: label(f),
      cells: columns.map((a) => figure(a, f, f === 'kappa' ? kappa : pct))}))),
    notCounted ? measures[measure].title + ' are not counted by ' + NOUNS[s.breakdown][0] + '.'
      : 'Nothing counted for this selection in ' + periodName(s.period) + '.');
    showAbout($('detail-table').nextElementSibling, measure);
  }

  /** What a measure counts and which council document asks for it, under its chart or table. */
  function showAbout(box, measure) {
    const m = measures[measure];
    box.replaceChildren(el('details', {class: 'govuk-details'},
      el('summary', {class: 'govuk-details__summary'},
        el('span', {class: 'govuk-details__summary-text'}, 'Definition and source: ' + m.title)),
      el('div', {class: 'govuk-details__text'},
        el('p', {class: 'govuk-body'}, m.definition),
        el('p', {class: 'govuk-body-s'}, 'Asked for by: ' + m.source))));
  }

  async function drill(measure, aggregate, bucket) {
    const what = measures[measure].title + ': ' + label(bucket) + ', ' + valueName(aggregate) + ', '
        + periodName(aggregate.period);
    const body = $('drill-down-body');
    body.replaceChildren(el('p', {class: 'govuk-body'}, 'Listing ' + what + '…'));
    $('drill-down-heading').focus();
    try {
      const behind = await get('/board/audits', {localAuthority: aggregate.localAuthority, measure,
        breakdown: aggregate.breakdown, value: aggregate.value, period: aggregate.period, bucket});
      body.replaceChildren(el('p', {class: 'govuk-body', id: 'drill-down-what'}, what + ': ' + behind.length
          + (behind.length === 1 ? ' record.' : ' records.')),
      el('ul', {class: 'govuk-list govuk-list--bullet app-list', id: 'drill-down-list'}, behind.map((b) =>
        el('li', {'data-kind': b.kind}, b.id, b.kind === 'audit' ? null : ' (' + b.kind.replace(/-/g, ' ') + ')'))));
    } catch (error) {
      body.replaceChildren(el('p', {class: 'govuk-body'}, 'The records behind ' + what + ' could not be listed: '
          + error.message));
    }
  }

  // ---- print: every chart at the page's width, every definition open ----

  let closed = [];
  window.addEventListener('beforeprint', () => {
    closed = [...document.querySelectorAll('details:not([open])')];
    closed.forEach((d) => d.setAttribute('open', ''));
    Object.values(charts).forEach((c) => {
      c.resize({width: PRINT_WIDTH});
      c.getZr().refreshImmediately();
    });
  });
  window.addEventListener('afterprint', () => {
    closed.forEach((d) => d.removeAttribute('open'));
    Object.values(charts).forEach((c) => c.resize({width: 'auto'}));
  });
  window.addEventListener('resize', () => Object.values(charts).forEach((c) => c.resize()));

  // ---- start ----

  async function start() {
    const list = await get('/board/measures');
    list.forEach((m) => (measures[m.id] = m));
    document.querySelectorAll('[data-about]').forEach((box) => box.dataset.about !== 'detail'
        && showAbout(box, box.dataset.about));
    fill(filters.measure, list.map((m) => ({value: m.id, text: m.title})), 'actions');
    ['breakdown', 'periodType'].forEach((name) => wanted.has(name) && (filters[name].value = wanted.get(name)));
    const councils = await get('/board/councils');
    if (!councils.length) {
      $('showing').textContent = 'No audits have been counted yet: the board fills as audits are submitted.';
      return;
    }
    fill(filters.council, councils.map((c) => ({value: c, text: councilName(c)})), councils[0]);
    form.addEventListener('change', (e) => changed(e.target.name).catch(fail));
    filters.measure.addEventListener('change', () => changed('measure').catch(fail));
    await changed('council');
  }

  start().catch(fail);
})();
