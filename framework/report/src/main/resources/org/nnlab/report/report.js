/*
 * nnlab's report page: draws a report model (org.nnlab.report.ReportModel, JSON) with ECharts.
 * The static report.html embeds one model; a live page (served by nnlab-serve) also listens to
 * server-sent events, each a new model, and draws it again in place. Every figure comes computed
 * from the model; this script only lays it out. Errors are shown on the page and kept in
 * window.nnlabErrors (the browser tests read them).
 */
(function () {
  'use strict';
  var BLUE = '#2166ac', RED = '#d6604d', GREY = '#bbbbbb';
  var PALETTE = ['#2166ac', '#d6604d', '#4dac26', '#b35806', '#762a83', '#1b7837', '#878787', '#e08214'];
  var charts = {};
  window.nnlabErrors = [];
  window.nnlabRenders = 0;

  function $(id) { return document.getElementById(id); }
  function show(id, on) { $(id).hidden = !on; }
  function text(node, s) { node.textContent = s == null ? '' : String(s); return node; }
  function el(tag, attrs, content) {
    var e = document.createElement(tag);
    if (attrs) { Object.keys(attrs).forEach(function (k) { if (attrs[k] != null) e.setAttribute(k, attrs[k]); }); }
    if (content != null) { if (typeof content === 'object') e.appendChild(content); else e.textContent = String(content); }
    return e;
  }
  function fix(v, d) { return v == null ? '—' : Number(v).toFixed(d); }
  function thousands(v) { return v == null ? '—' : Math.round(v).toLocaleString('en-US'); }
  function fail(where, e) {
    var msg = where + ': ' + (e && e.message ? e.message : e);
    window.nnlabErrors.push(msg);
    $('page-errors').textContent = 'This page could not draw everything: ' + window.nnlabErrors.join('; ');
    if (window.console) console.error(msg);
  }

  /** Draws {option} into the chart div {id} inside {container}, creating it the first time. */
  function chart(container, id, option, wide) {
    var div = $(id);
    if (!div) {
      div = el('div', {id: id, 'class': wide ? 'chart wide' : 'chart'});
      container.appendChild(div);
    }
    var c = charts[id];
    if (!c) { c = charts[id] = echarts.init(div, null, {renderer: 'svg'}); }
    option.animation = false;
    option.title = Object.assign({left: 'center', textStyle: {fontSize: 14}}, option.title || {});
    c.setOption(option, true);
    c.getZr().flush(); // paint now, not at the next animation frame: a DOM read right after load sees the chart
    return c;
  }
  function dropCharts(container, keep) {
    Array.prototype.slice.call(container.querySelectorAll('.chart')).forEach(function (div) {
      if (keep.indexOf(div.id) < 0) { if (charts[div.id]) { charts[div.id].dispose(); delete charts[div.id]; } div.remove(); }
    });
  }
  function valueAxis(name, extra) {
    return Object.assign({type: 'value', name: name, nameLocation: 'middle', nameGap: 28, scale: true,
      splitLine: {lineStyle: {color: '#eee'}}}, extra || {});
  }
  function accuracyAxis(name) {
    return valueAxis(name || 'test accuracy', {nameGap: 44, minInterval: 0.001, axisLabel: {formatter: function (v) { return v.toFixed(3); }}});
  }
  function xAxisFor(axis, name) {
    if (!axis.numeric) return {type: 'category', name: name, nameLocation: 'middle', nameGap: 28};
    return valueAxis(name, axis.log ? {type: 'log', logBase: 10} : {});
  }

  /** Error bars as a custom series: a vertical line with caps from mean − std to mean + std. */
  function errorBars(data, color) {
    // encode both ends as y, so that the axis makes room for the whole bar
    return {type: 'custom', silent: true, z: 1, data: data, encode: {x: 0, y: [1, 2]},
      renderItem: function (params, api) {
        var lo = api.coord([api.value(0), api.value(1)]), hi = api.coord([api.value(0), api.value(2)]);
        var style = {stroke: color || '#555', lineWidth: 1.2};
        return {type: 'group', children: [
          {type: 'line', shape: {x1: lo[0], y1: lo[1], x2: hi[0], y2: hi[1]}, style: style},
          {type: 'line', shape: {x1: lo[0] - 5, y1: lo[1], x2: lo[0] + 5, y2: lo[1]}, style: style},
          {type: 'line', shape: {x1: hi[0] - 5, y1: hi[1], x2: hi[0] + 5, y2: hi[1]}, style: style}]};
      }};
  }
  /** Lines of means with error bars: {series: [{name, points: [{x, label, mean, std, n}]}]}. */
  function linesOption(title, xName, yAxis, numeric, log, series) {
    var out = [], legend = [];
    series.forEach(function (s, i) {
      var color = PALETTE[i % PALETTE.length];
      var pts = s.points.filter(function (p) { return p.mean != null; });
      var xs = function (p) { return numeric ? p.x : p.label; };
      out.push({type: 'line', name: s.name || yAxis.name, color: color, symbolSize: 7, lineStyle: {width: 2},
        data: pts.map(function (p) { return [xs(p), p.mean, p.std, p.n]; })});
      out.push(errorBars(pts.filter(function (p) { return p.std != null; })
        .map(function (p) { return [xs(p), p.mean - p.std, p.mean + p.std]; }), color));
      if (s.name) legend.push(s.name);
    });
    var x = numeric ? valueAxis(xName, log ? {type: 'log', logBase: 10} : {minInterval: 1}) :
      {type: 'category', name: xName, nameLocation: 'middle', nameGap: 28};
    return {title: {text: title}, grid: {left: 70, right: 20, top: legend.length > 3 ? 78 : legend.length ? 60 : 40, bottom: 50},
      legend: legend.length ? {top: 24, data: legend} : undefined,
      tooltip: {trigger: 'item', formatter: function (p) {
        var v = p.value; return (p.seriesName ? p.seriesName + '<br>' : '') + v[0] + ': ' + fix(v[1], 4) +
          (v[2] != null ? ' ± ' + fix(v[2], 4) : '') + ' (' + v[3] + ')'; }},
      xAxis: x, yAxis: yAxis, series: out};
  }

  // ---- the search: lines (grids), scatter, heat map, parallel coordinates, best so far, importance

  function drawSearch(model) {
    var s = model.sweep, box = $('search-charts'), keep = [];
    show('search', !!s);
    if (!s) return;
    var axes = s.axes, acc = axes.length, order = axes.length + 1;
    $('search-note').textContent = s.search + ' search · ' + s.trialsTotal + ' trials, ' + s.pointsTotal + ' points' +
      (s.searchNote ? ' · scatter, heat map and importance use the ' + s.searchNote : '');
    if (s.gridLines) {
      s.gridLines.forEach(function (g, i) {
        var id = 'chart-axis-' + i; keep.push(id);
        chart(box, id, linesOption(g.title, g.axis + '  (' + g.note + ')', accuracyAxis(), g.numeric, g.log, g.series));
      });
    } else {
      axes.forEach(function (a, i) {
        var colorKey = s.byImportance.filter(function (k) { return k !== a.key; })[0];
        var ci = colorKey == null ? order : axes.map(function (x) { return x.key; }).indexOf(colorKey);
        var colorAxis = colorKey == null ? null : axes[ci];
        var id = 'chart-axis-' + i; keep.push(id);
        var vm = visualMapFor(s.samples, ci, colorAxis, colorKey == null ? 'finish order' : colorKey);
        chart(box, id, {title: {text: 'Test accuracy vs ' + a.key},
          grid: {left: 70, right: 110, top: 40, bottom: 50},
          tooltip: {formatter: function (p) { return sampleText(axes, p.value); }},
          visualMap: vm, xAxis: xAxisFor(a, a.key), yAxis: accuracyAxis(),
          series: [{type: 'scatter', symbolSize: 6, encode: {x: i, y: acc},
            data: s.samples.filter(function (r) { return r[acc] != null; })}]});
      });
    }
    if (s.heatmap && s.heatmap.cells.length) {
      var h = s.heatmap, means = h.cells.map(function (c) { return c[2]; });
      keep.push('chart-heatmap');
      chart(box, 'chart-heatmap', {title: {text: 'Mean test accuracy: ' + h.x + ' × ' + h.y},
        grid: {left: 110, right: 110, top: 40, bottom: 60},
        tooltip: {formatter: function (p) { return h.x + ' ' + h.xBins[p.value[0]] + '<br>' + h.y + ' ' +
          h.yBins[p.value[1]] + '<br>' + fix(p.value[2], 4) + ' (' + p.value[3] + ' trials)'; }},
        xAxis: {type: 'category', data: h.xBins, name: h.x, nameLocation: 'middle', nameGap: 40, axisLabel: {rotate: 20}},
        yAxis: {type: 'category', data: h.yBins, name: h.y, nameLocation: 'end'},
        visualMap: {min: Math.min.apply(null, means), max: Math.max.apply(null, means), calculable: true,
          right: 5, top: 'middle', dimension: 2, precision: 3, inRange: {color: ['#f7fbff', '#6baed6', '#08306b']}},
        series: [{type: 'heatmap', data: h.cells, label: {show: h.cells.length <= 64, fontSize: 9,
          formatter: function (p) { return fix(p.value[2], 3); }}}]});
    }
    if (axes.length > 2) {
      keep.push('chart-parallel');
      var pa = axes.map(function (a, i) {
        return a.numeric ? {dim: i, name: a.key, type: a.log ? 'log' : 'value', scale: true}
          : {dim: i, name: a.key, type: 'category', data: distinct(s.samples, i)};
      });
      pa.push({dim: acc, name: 'accuracy', type: 'value', scale: true});
      chart(box, 'chart-parallel', {title: {text: 'Parallel coordinates'},
        parallel: {left: 60, right: 110, top: 60, bottom: 30}, parallelAxis: pa,
        visualMap: {min: range(s.samples, acc)[0], max: range(s.samples, acc)[1], dimension: acc, right: 5, top: 'middle',
          precision: 3, calculable: true, inRange: {color: [RED, '#fddbc7', BLUE]}},
        series: [{type: 'parallel', lineStyle: {width: 1, opacity: 0.5},
          data: s.samples.filter(function (r) { return r[acc] != null; })}]}, true);
    }
    if (s.search !== 'grid') {
      keep.push('chart-best');
      chart(box, 'chart-best', {title: {text: 'Best so far, over the trials as they finished'},
        grid: {left: 70, right: 20, top: 40, bottom: 50}, tooltip: {trigger: 'axis'},
        xAxis: valueAxis('trial, in the order it finished', {minInterval: 1}),
        yAxis: accuracyAxis(s.chosenOn === 'validation' ? 'validation accuracy' : null),
        series: [{type: 'scatter', name: s.chosenOn === 'validation' ? 'trial (validation accuracy)' : 'trial', symbolSize: 5, color: GREY,
          data: s.bestSoFar.filter(function (r) { return r[1] != null; }).map(function (r) { return [r[0], r[1]]; })},
        {type: 'line', name: 'best so far', step: 'end', showSymbol: false, color: BLUE, lineStyle: {width: 2},
          data: s.bestSoFar.filter(function (r) { return r[2] != null; }).map(function (r) { return [r[0], r[2]]; })}]});
    }
    if (axes.length > 1) {
      keep.push('chart-importance');
      var imp = s.importance.slice().reverse();
      chart(box, 'chart-importance', {title: {text: 'Parameter importance (η², share of accuracy variance)'},
        grid: {left: 160, right: 40, top: 40, bottom: 40}, tooltip: {},
        xAxis: valueAxis('η²: variance of per-bin mean accuracy / total variance', {min: 0, max: 1}),
        yAxis: {type: 'category', data: imp.map(function (x) { return x.key; })},
        series: [{type: 'bar', color: BLUE, data: imp.map(function (x) { return x.eta2; }),
          label: {show: true, position: 'right', formatter: function (p) { return p.value.toFixed(2); }}}]});
    }
    dropCharts(box, keep);
  }
  function distinct(rows, i) {
    var seen = []; rows.forEach(function (r) { if (seen.indexOf(r[i]) < 0) seen.push(r[i]); }); return seen;
  }
  function range(rows, i) {
    var v = rows.map(function (r) { return r[i]; }).filter(function (x) { return x != null; });
    return v.length ? [Math.min.apply(null, v), Math.max.apply(null, v)] : [0, 1];
  }
  function visualMapFor(rows, i, axis, name) {
    var base = {dimension: i, right: 5, top: 'middle', text: [name, ''], textStyle: {fontSize: 10}};
    if (axis && !axis.numeric) {
      return Object.assign(base, {type: 'piecewise', categories: distinct(rows, i),
        inRange: {color: PALETTE}});
    }
    var r = range(rows, i);
    var colors = {color: ['#2166ac', '#92c5de', '#f4a582', '#b2182b']};
    if (axis && axis.log && r[0] > 0) {
      // colour by log10 of the value: a log-uniform parameter spreads over the whole scale
      return Object.assign(base, {type: 'piecewise', pieces: logPieces(r[0], r[1]), inRange: colors});
    }
    return Object.assign(base, {type: 'continuous', min: r[0], max: r[1], calculable: true, precision: 3, inRange: colors});
  }
  function logPieces(lo, hi) {
    var pieces = [], a = Math.log10(lo), b = Math.log10(hi), n = 5;
    for (var k = 0; k < n; k++) {
      var from = Math.pow(10, a + (b - a) * k / n), to = Math.pow(10, a + (b - a) * (k + 1) / n);
      pieces.push({gte: k === 0 ? -Infinity : from, lt: k === n - 1 ? Infinity : to, label: from.toPrecision(2) + '–' + to.toPrecision(2)});
    }
    return pieces;
  }
  function sampleText(axes, row) {
    return axes.map(function (a, i) { return a.key + ' = ' + row[i]; }).join('<br>') +
      '<br>accuracy ' + fix(row[axes.length], 4) + ' (trial ' + row[axes.length + 1] + ')';
  }

  function drawRungs(model) {
    var r = model.sweep && model.sweep.rungs;
    show('rungs', !!r);
    if (!r) return;
    var series = r.lines.map(function (l, i) {
      return {type: 'line', name: l.label, showSymbol: l.survivor, symbolSize: 5, z: l.survivor ? 3 : 1,
        color: l.survivor ? PALETTE[i % PALETTE.length] : GREY, lineStyle: {width: l.survivor ? 2 : 1},
        data: l.curve.map(function (a, e) { return [e + 1, a]; })};
    });
    if (series.length) {
      series[0].markLine = {silent: true, symbol: 'none', lineStyle: {color: '#999', type: 'dashed'},
        label: {formatter: 'rung {c}'}, data: r.budgets.map(function (b) { return {xAxis: b}; })};
    }
    chart($('rung-charts'), 'chart-rungs', {title: {text: 'Test accuracy per epoch, each point across the rungs'},
      grid: {left: 70, right: 30, top: 40, bottom: 50}, tooltip: {trigger: 'item', formatter: function (p) {
        return p.seriesName + '<br>epoch ' + p.value[0] + ': ' + fix(p.value[1], 4); }},
      xAxis: valueAxis('epoch', {minInterval: 1}), yAxis: accuracyAxis(), series: series}, true);
  }

  // ---- tables

  function drawPoints(model) {
    var s = model.sweep;
    show('points', !!s); show('best', !!s);
    if (!s) return;
    var top = $('points-table').tBodies[0], rest = $('points-table').tBodies[1];
    top.textContent = ''; rest.textContent = '';
    // chosen on validation: its columns come first, the test columns are reported beside them
    var byValidation = s.chosenOn === 'validation';
    $('points-chosen-on').textContent = byValidation ? 'validation' : 'test';
    var head = $('points-table').tHead.rows[0];
    head.textContent = '';
    ['#', 'point'].concat(byValidation ? ['mean validation accuracy', 'std', 'mean test accuracy', 'std'] : ['mean accuracy', 'std'])
      .concat(['seeds', 'status']).forEach(function (h, j) { head.appendChild(el('th', j === 1 ? {'class': 'l'} : null, h)); });
    s.points.forEach(function (p, i) {
      var tr = el('tr', p.best ? {'class': 'best'} : null);
      var cells = [i + 1, p.label].concat(byValidation ? [fix(p.validation, 4), fix(p.validationStd, 4)] : [])
        .concat([fix(p.mean, 4), fix(p.std, 4), p.n, p.statuses]);
      cells.forEach(function (v, j) {
        tr.appendChild(el('td', j === 1 || j === cells.length - 1 ? {'class': 'l'} : null, v));
      });
      (i < s.topPoints ? top : rest).appendChild(tr);
    });
    var more = $('points-more'), hidden = s.points.length - s.topPoints;
    more.hidden = hidden <= 0;
    more.textContent = rest.hidden ? 'show all ' + s.points.length + ' points (' + hidden + ' more)' : 'show the top ' + s.topPoints + ' only';
    more.onclick = function () { rest.hidden = !rest.hidden; drawPoints(model); };
    $('best-yaml').textContent = s.bestYaml;
  }

  function drawTrials(model) {
    var rows = model.trials || [];
    show('trials', rows.length > 0 && (model.kind === 'sweep' || !!model.live));
    if (!rows.length) return;
    var keys = [];
    rows.forEach(function (r) { Object.keys(r.parameters).forEach(function (k) { if (keys.indexOf(k) < 0) keys.push(k); }); });
    var members = rows.some(function (r) { return r.member; });
    var head = ['#'].concat(keys, ['seed', 'status', 'epoch', 'accuracy', 'samples/s'], members ? ['member'] : []);
    var thead = $('trials-table').tHead;
    thead.textContent = '';
    var htr = el('tr');
    head.forEach(function (h, i) { htr.appendChild(el('th', i > 0 && i <= keys.length || h === 'status' || h === 'member' ? {'class': 'l'} : null, h)); });
    thead.appendChild(htr);
    var body = $('trials-table').tBodies[0];
    body.textContent = '';
    var running = 0;
    rows.forEach(function (r) {
      if (r.status === 'running') running++;
      var tr = el('tr', {'data-trial': r.id, 'class': r.status});
      var cells = [r.order || ''].concat(keys.map(function (k) { return r.parameters[k]; }),
        [r.seed, r.status, r.epoch + (r.epochs ? '/' + r.epochs : ''), fix(r.accuracy, 4), thousands(r.samplesPerSecond)],
        members ? [r.member || '—'] : []);
      cells.forEach(function (v, i) {
        tr.appendChild(el('td', i > 0 && i <= keys.length || i === keys.length + 2 || i === keys.length + 6 ? {'class': 'l ' + (i === keys.length + 2 ? r.status : '')} : null, v));
      });
      body.appendChild(tr);
    });
    var finished = rows.filter(function (r) { return r.status !== 'running' && r.status !== 'queued'; }).length;
    $('trials-summary').textContent = rows.length + ' trials: ' + finished + ' finished' +
      (running ? ', ' + running + ' running' : '') + (rows.length - finished - running > 0 ? ', ' + (rows.length - finished - running) + ' queued' : '') +
      ' (newest first)';
    if (model.live && !drawTrials.opened) { $('trials-details').open = true; drawTrials.opened = true; }
  }

  // ---- the run, or the best trial

  function drawDetails(model) {
    var d = model.details || {};
    var ofBest = model.kind === 'sweep' ? ' (best trial)' : '';
    Array.prototype.forEach.call(document.querySelectorAll('.of-best'), function (n) { n.textContent = ofBest; });
    var c = d.curves;
    show('learning-curve', !!(c && c.accuracy.length));
    if (c && c.accuracy.length) {
      $('curve-note').textContent = model.kind === 'sweep' ? 'best point, mean ± std over its seeds' : '';
      chart($('curve-charts'), 'chart-curve-accuracy', linesOption(c.validation ? 'Validation and test accuracy per epoch'
        : 'Test accuracy per epoch', 'epoch', accuracyAxis(c.validation ? 'accuracy' : null), true, false,
        c.validation ? [{name: 'validation', points: c.validation}, {name: 'test', points: c.accuracy}] : [{name: null, points: c.accuracy}]));
      chart($('curve-charts'), 'chart-curve-loss', linesOption('Mean training loss per epoch', 'epoch',
        valueAxis('loss ½Σ(t−o)²', {nameGap: 50}), true, false, [{name: null, points: c.loss}]));
    }
    var rot = $('rotated-accuracy');
    rot.hidden = !d.rotatedAccuracy;
    rot.querySelector('b').textContent = d.rotatedAccuracy || '';
    drawConfusion(d.confusion);
    var g = $('gallery'); g.textContent = '';
    (d.mistakes || []).forEach(function (m) {
      var f = el('figure'); f.appendChild(el('img', {src: m.uri, alt: 'test image ' + m.index}));
      var cap = el('figcaption'); cap.appendChild(document.createTextNode('true ' + m.label + ' → ' + m.predicted));
      cap.appendChild(el('br')); cap.appendChild(document.createTextNode(m.confidence)); f.appendChild(cap); g.appendChild(f);
    });
    show('mistakes', !!(d.mistakes && d.mistakes.length));
    var im = $('imagine-images'); im.textContent = '';
    (d.backquery || []).forEach(function (b) {
      var f = el('figure'); f.appendChild(el('img', {src: b.uri, alt: 'label ' + b.label}));
      f.appendChild(el('figcaption', null, 'label ' + b.label)); im.appendChild(f);
    });
    show('imagine', !!(d.backquery && d.backquery.length));
    drawFindings(d.findings);
    show('provenance', !!d.config);
    var pt = $('provenance-table'); pt.textContent = '';
    (d.provenance || []).concat(d.wall ? [['wall time', d.wall]] : [], d.training ? [['training', d.training]] : [])
      .forEach(function (kv) {
        var tr = el('tr'); tr.appendChild(el('th', {'class': 'l'}, kv[0]));
        tr.appendChild(el('td', {'class': 'l'}, el('code', null, kv[1]))); pt.appendChild(tr);
      });
    $('config').textContent = d.config || '';
  }
  function drawConfusion(c) {
    show('confusion', !!c);
    var t = $('confusion-table'); t.textContent = '';
    if (!c) return;
    var head = el('tr'); head.appendChild(el('th'));
    c.forEach(function (_, j) { head.appendChild(el('th', null, j)); });
    t.appendChild(head);
    c.forEach(function (row, i) {
      var total = row.reduce(function (a, b) { return a + b; }, 0);
      var tr = el('tr'); tr.appendChild(el('th', null, i));
      row.forEach(function (v, j) {
        // shaded by the cell's share of its row, so each class's errors stand out
        var share = total ? v / total : 0;
        var bg = i === j ? 'rgba(33,102,172,' + share.toFixed(2) + ')' : 'rgba(214,96,77,' + Math.min(1, share * 5).toFixed(2) + ')';
        tr.appendChild(el('td', {style: 'background:' + bg + (i === j && share > 0.5 ? ';color:#fff' : '')}, v));
      });
      t.appendChild(tr);
    });
  }
  function drawFindings(findings) {
    show('findings', !!findings);
    var box = $('findings-body'); box.textContent = '';
    if (!findings) return;
    if (!findings.length) { box.appendChild(el('p', null, 'No rule fired.')); return; }
    var t = el('table'), h = el('tr');
    ['rule', 'severity', 'phase', 'message'].forEach(function (x) { h.appendChild(el('th', {'class': 'l'}, x)); });
    t.appendChild(h);
    findings.forEach(function (f) {
      var tr = el('tr');
      tr.appendChild(el('td', {'class': 'l'}, el('code', null, f.rule)));
      tr.appendChild(el('td', {'class': 'l ' + f.severity}, f.severity));
      tr.appendChild(el('td', {'class': 'l'}, f.phase));
      tr.appendChild(el('td', {'class': 'l'}, f.message));
      t.appendChild(tr);
    });
    box.appendChild(t);
  }

  function render(model) {
    text($('status'), model.status);
    text($('headline-value'), model.headline);
    text($('headline-note'), model.headlineNote);
    text($('live'), model.live ? '· live: ' + model.live : '');
    [['search', drawSearch], ['rungs', drawRungs], ['points', drawPoints], ['trials', drawTrials], ['details', drawDetails]]
      .forEach(function (part) { try { part[1](model); } catch (e) { fail(part[0], e); } });
    window.nnlabRenders++;
    document.body.setAttribute('data-renders', window.nnlabRenders);
  }

  window.addEventListener('error', function (e) { fail('script', e.message); });
  try {
    render(JSON.parse($('nnlab-model').textContent));
  } catch (e) { fail('model', e); }
  var events = document.body.getAttribute('data-events');
  if (events && window.EventSource) {
    var source = new EventSource(events);
    source.addEventListener('model', function (e) {
      try { render(JSON.parse(e.data)); } catch (err) { fail('update', err); }
    });
    source.addEventListener('end', function () { source.close(); });
  }
  window.addEventListener('resize', function () { Object.keys(charts).forEach(function (k) { charts[k].resize(); }); });
})();
