// Analytics for managers and owners: reviews per day/week/month with their average rating, the rating
// distribution, reply rate and median response time, AI drafts approved unchanged vs edited, sentiment and the most
// mentioned words, for a date range in the shop's time zone. Charts are hand-drawn SVG (charts.js), each with a
// table of its numbers.

import { api } from './session.js';
import { $, h, setText } from './dom.js';
import { formatBucket, formatMinutes, formatNumber, formatPercent, formatRating, t } from './i18n.js';
import { barsWithLine, dataTable, horizontalBars, splitBar } from './charts.js';
import { addDays, safeZone, today, zoneLabel } from './zone.js';

export function createAnalytics({ shop: initialShop, describeError }) {
  let shop = initialShop;
  const form = $('#analytics-filters');
  const message = $('#analytics-message');
  const grid = $('#analytics-panel .chart-grid');
  let data = null;
  let generation = 0;
  let loaded = false;
  let lastWidth = 0;

  const zone = () => safeZone(shop.timezone);

  function resetDates() {
    const now = today(zone());
    form.elements.to.value = now;
    form.elements.from.value = addDays(now, -29);
    form.elements.bucket.value = 'DAY';
  }

  async function load() {
    const { from, to, bucket } = form.elements;
    from.removeAttribute('aria-invalid');
    if (from.value && to.value && from.value > to.value) {
      from.setAttribute('aria-invalid', 'true');
      setText(message, t('audit.badRange'));
      message.hidden = false;
      return;
    }
    const mine = ++generation;
    const params = new URLSearchParams({ bucket: bucket.value || 'DAY' });
    if (from.value) params.set('from', from.value);
    if (to.value) params.set('to', to.value);
    grid.setAttribute('aria-busy', 'true');
    try {
      const answer = await api('GET', `/v1/shops/${shop.id}/analytics?${params}`);
      if (mine !== generation) return;
      message.hidden = true;
      data = { ...answer, bucket: bucket.value || 'DAY' };
      loaded = true;
      render();
    } catch (error) {
      if (mine !== generation) return;
      setText(message, error.details && (error.details.from || error.details.to)
        ? `${t('analytics.title')}: ${error.details.from || error.details.to}` : describeError(error));
      message.hidden = false;
    } finally {
      if (mine === generation) grid.removeAttribute('aria-busy');
    }
  }

  // --- totals over the range -------------------------------------------------------------------------------

  function totals(buckets) {
    const sum = key => buckets.reduce((total, b) => total + (Number(b[key]) || 0), 0);
    const reviews = sum('reviews');
    const ratingSum = buckets.reduce((total, b) => total + (b.averageRating == null ? 0 : b.averageRating * b.reviews), 0);
    const ratings = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
    for (const b of buckets) for (const star of Object.keys(ratings)) ratings[star] += Number((b.ratingCounts || {})[star]) || 0;
    const unchanged = sum('aiAcceptedUnchanged');
    const edited = sum('aiEdited');
    return {
      reviews,
      averageRating: reviews ? ratingSum / reviews : null,
      replies: sum('replies'),
      replyRate: reviews ? sum('replies') / reviews : 0,
      ratings,
      unchanged,
      edited,
      acceptance: unchanged + edited ? unchanged / (unchanged + edited) : null,
    };
  }

  function renderTotals(sum) {
    const tile = (key, value) => h('div', { class: 'metric', dataset: { metric: key } },
      h('dt', {}, t(`analytics.total.${key}`)), h('dd', {}, value));
    $('#analytics-totals').replaceChildren(
      tile('reviews', formatNumber(sum.reviews)),
      tile('rating', sum.averageRating == null ? t('rating.none') : `${formatRating(sum.averageRating)} ★`),
      tile('replyRate', formatPercent(sum.replyRate)),
      tile('acceptance', sum.acceptance == null ? t('rating.none') : formatPercent(sum.acceptance)),
    );
  }

  // --- the charts ----------------------------------------------------------------------------------------

  function figure(id, title, note, svg, table) {
    const box = $(`#${id}`);
    box.replaceChildren(
      h('figcaption', { class: 'chart-title' }, h('span', {}, title), note ? h('span', { class: 'chart-note' }, note) : null),
      h('div', { class: 'chart-canvas' }, svg),
      h('details', { class: 'chart-details' }, h('summary', {}, t('analytics.showTable')), table));
  }

  function widthOf(id) {
    const box = $(`#${id}`);
    const style = getComputedStyle(box);
    return box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  }

  function render() {
    if (!data) return;
    const buckets = data.buckets || [];
    const labels = buckets.map(b => formatBucket(b.start, data.bucket, 'short'));
    const longLabels = buckets.map(b => formatBucket(b.start, data.bucket, 'long'));
    const sum = totals(buckets);
    renderTotals(sum);
    lastWidth = grid.clientWidth;

    // reviews per bucket and the average rating
    const volumeTitle = t('analytics.volume.title');
    figure('chart-volume', volumeTitle, t('analytics.volume.note'), barsWithLine({
      width: widthOf('chart-volume'), title: volumeTitle,
      description: t('analytics.volume.desc', { n: sum.reviews, buckets: buckets.length,
        rating: sum.averageRating == null ? t('rating.none') : formatRating(sum.averageRating) }),
      labels, bars: buckets.map(b => b.reviews), integer: true, barName: t('analytics.reviews'), barText: v => formatNumber(v),
      line: buckets.map(b => b.averageRating), lineMax: 5, lineName: t('analytics.averageRating'),
      lineText: v => `${formatRating(v)}★`,
    }), dataTable(volumeTitle, [t('analytics.period'), t('analytics.reviews'), t('analytics.averageRating')],
      buckets.map((b, i) => [longLabels[i], formatNumber(b.reviews), formatRating(b.averageRating)])));

    // rating distribution over the range
    const ratingsTitle = t('analytics.ratings.title');
    const ratingRows = [5, 4, 3, 2, 1].map(star => ({
      label: `${star}★`, value: sum.ratings[star], kind: star <= 2 ? 'low' : star === 3 ? 'mid' : 'high',
      text: sum.reviews ? `${formatNumber(sum.ratings[star])} · ${formatPercent(sum.ratings[star] / sum.reviews)}` : '0',
    }));
    figure('chart-ratings', ratingsTitle, null, horizontalBars({
      width: widthOf('chart-ratings'), title: ratingsTitle,
      description: ratingRows.map(r => `${r.label} ${r.text}`).join(', '), rows: ratingRows,
    }), dataTable(ratingsTitle, [t('analytics.rating'), t('analytics.reviews')],
      ratingRows.map(r => [r.label, formatNumber(r.value)])));

    // reply rate per bucket and the median response time
    const repliesTitle = t('analytics.replies.title');
    figure('chart-replies', repliesTitle, t('analytics.replies.note', { rate: formatPercent(sum.replyRate), n: formatNumber(sum.replies) }),
      barsWithLine({
        width: widthOf('chart-replies'), title: repliesTitle,
        description: t('analytics.replies.desc', { rate: formatPercent(sum.replyRate), n: sum.replies }),
        labels, bars: buckets.map(b => Math.round((b.replyRate || 0) * 100)), barMax: 100,
        barName: t('analytics.replyRate'), barText: v => `${Math.round(v)}%`,
        line: buckets.map(b => b.medianResponseMinutes), lineName: t('analytics.median'), lineText: v => formatMinutes(v),
      }), dataTable(repliesTitle, [t('analytics.period'), t('analytics.reviews'), t('analytics.replies'), t('analytics.replyRate'), t('analytics.median')],
        buckets.map((b, i) => [longLabels[i], formatNumber(b.reviews), formatNumber(b.replies), formatPercent(b.replyRate),
          formatMinutes(b.medianResponseMinutes)])));

    // AI drafts: approved as drafted or after an edit
    const aiTitle = t('analytics.ai.title');
    const aiParts = [
      { label: t('analytics.ai.unchanged'), value: sum.unchanged, kind: 'kept' },
      { label: t('analytics.ai.edited'), value: sum.edited, kind: 'edited' },
    ].map(part => ({ ...part, text: share(part.value, sum.unchanged + sum.edited) }));
    figure('chart-ai', aiTitle, null, splitBar({
      width: widthOf('chart-ai'), title: aiTitle, parts: aiParts, emptyText: t('analytics.ai.none'),
      description: aiParts.map(p => `${p.label} ${p.text}`).join(', '),
    }), dataTable(aiTitle, [t('analytics.ai.kind'), t('analytics.count')], aiParts.map(p => [p.label, formatNumber(p.value)])));

    // sentiment of the range
    const sentimentTitle = t('analytics.sentiment.title');
    const sentiment = data.sentiment || {};
    const sentimentSum = (sentiment.positive || 0) + (sentiment.neutral || 0) + (sentiment.negative || 0);
    const sentimentParts = ['positive', 'neutral', 'negative'].map(kind => ({
      label: t(`analytics.sentiment.${kind}`), value: sentiment[kind] || 0, kind, text: share(sentiment[kind] || 0, sentimentSum),
    }));
    figure('chart-sentiment', sentimentTitle, null, splitBar({
      width: widthOf('chart-sentiment'), title: sentimentTitle, parts: sentimentParts, emptyText: t('analytics.empty'),
      description: sentimentParts.map(p => `${p.label} ${p.text}`).join(', '),
    }), dataTable(sentimentTitle, [t('analytics.sentiment.kind'), t('analytics.reviews')],
      sentimentParts.map(p => [p.label, formatNumber(p.value)])));

    // the words mentioned most
    const keywordsTitle = t('analytics.keywords.title');
    const keywords = (data.keywords || []).slice(0, 10);
    const keywordRows = keywords.map(k => ({ label: k.term, value: k.count, text: formatNumber(k.count) }));
    figure('chart-keywords', keywordsTitle, keywords.length ? t('analytics.keywords.note') : t('analytics.keywords.none'),
      keywords.length ? horizontalBars({
        width: widthOf('chart-keywords'), title: keywordsTitle, rows: keywordRows,
        description: keywordRows.map(r => `${r.label} ${r.text}`).join(', '),
      }) : null,
      dataTable(keywordsTitle, [t('analytics.keyword'), t('analytics.reviews')], keywordRows.map(r => [r.label, r.text])));

    setText($('#analytics-zone'), t('audit.zone', { zone: zoneLabel(zone()) }));
  }

  function share(value, sumOfAll) {
    return sumOfAll ? `${formatNumber(value)} (${formatPercent(value / sumOfAll)})` : formatNumber(value);
  }

  // --- wiring ---------------------------------------------------------------------------------------------

  let resizeTimer = null;
  const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(() => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => {
      if (data && grid.offsetParent !== null && Math.abs(grid.clientWidth - lastWidth) > 4) render();
    }, 120);
  }) : null;
  if (observer) observer.observe(grid);
  const onChange = () => load();
  const onSubmit = event => { event.preventDefault(); load(); };
  form.addEventListener('change', onChange);
  form.addEventListener('submit', onSubmit);
  resetDates();

  return {
    ensureLoaded() {
      return loaded ? Promise.resolve() : load();
    },
    /** Shown again: draw at the current width (a hidden panel has none). */
    shown() {
      if (data && Math.abs(grid.clientWidth - lastWidth) > 4) render();
    },
    refresh: load,
    setShop(next) {
      shop = next;
    },
    relabel() {
      if (data) render();
    },
    destroy() {
      generation += 1;
      if (observer) observer.disconnect();
      clearTimeout(resizeTimer);
      form.removeEventListener('change', onChange);
      form.removeEventListener('submit', onSubmit);
      for (const box of grid.children) box.replaceChildren();
      $('#analytics-totals').replaceChildren();
      message.hidden = true;
    },
  };
}
