/**
 * The Partner scorecard: one partner's figures for a period, its tier with a progress bar to the next
 * (what is missing, what its open deals would do), and its won value over the last 12 months drawn
 * in the page with Chart.js (bundled into the page: no CDN).
 */
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import type { FormOptions } from '../../../src/shared/api';
import { DEFAULT_PERIOD, PERIODS, type PartnerScorecard } from '../../../src/shared/dashboard';
import { byId, fillSelect, setText } from '../../common/dom';
import { startPage } from '../../common/page';
import { formatAmount } from '../../common/values';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

const page = startPage();
const partnerSelect = byId<HTMLSelectElement>('partnerId');
const periodSelect = byId<HTMLSelectElement>('period');
let chart: Chart | null = null;

function opening(): { partnerId?: string } {
  const node = document.getElementById('page-data');
  if (!node?.textContent) return {};
  try {
    return JSON.parse(node.textContent) as { partnerId?: string };
  } catch {
    return {};
  }
}

const percent = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);

function show(card: PartnerScorecard): void {
  byId('card').hidden = false;
  setText(byId('partner-name'), `${card.partnerName} (${card.partnerId})`);
  setText(
    byId('rank'),
    card.rank === null
      ? `No won value in ${card.period.toLowerCase()}`
      : `Rank ${card.rank} of ${card.partnersRanked} by won value, ${card.period.toLowerCase()}`,
  );
  const notice = byId('notice');
  notice.hidden = card.notice === '';
  setText(notice, card.notice);
  const money = (value: number) => formatAmount(value, card.currency);
  setText(byId('won-value'), money(card.figures.wonValue));
  setText(byId('won'), String(card.figures.won));
  setText(byId('win-rate'), percent(card.figures.winRate));
  setText(byId('leads'), String(card.figures.leads));
  setText(byId('share'), percent(card.figures.share));
  setText(byId('commission'), money(card.figures.commission));
  setText(byId('open'), `${money(card.openPipeline)} (${card.openDeals} open)`);

  setText(byId('tier'), card.tier.tier || 'No tier');
  setText(byId('next-tier'), card.tier.nextTier ? `next: ${card.tier.nextTier}` : '');
  const progress = Math.round(card.tier.progress * 100);
  byId('tier-bar').setAttribute('aria-valuenow', String(progress));
  byId('tier-fill').style.width = `${progress}%`;
  setText(byId('missing'), card.tier.locked ? `${card.tier.missing} (tier locked)` : card.tier.missing);
  setText(byId('forecast'), card.tier.forecast);
  drawTrend(card);
}

function drawTrend(card: PartnerScorecard): void {
  const canvas = byId<HTMLCanvasElement>('trend');
  const labels = card.trend.map((t) => t.month);
  const values = card.trend.map((t) => t.wonValue);
  if (chart) {
    chart.data.labels = labels;
    chart.data.datasets[0].data = values;
    chart.update();
    return;
  }
  chart = new Chart(canvas, {
    type: 'bar',
    data: {
      labels,
      datasets: [{ label: `Won value (${card.currency})`, data: values, backgroundColor: '#1a73e8' }],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: { legend: { display: false } },
    },
  });
}

async function load(): Promise<void> {
  if (!partnerSelect.value) return;
  const card = await page.run(() =>
    page.client.call('getPartnerScorecard', partnerSelect.value, { period: periodSelect.value }),
  );
  if (card) show(card);
  else byId('card').hidden = true;
}

async function start(): Promise<void> {
  fillSelect(periodSelect, [...PERIODS], { selected: DEFAULT_PERIOD });
  const options: FormOptions | undefined = await page.run(() => page.client.call('getFormOptions'));
  if (!options) return;
  // Every partner has a scorecard, paused and terminated ones included.
  const choices = options.partners.map((p) => ({ value: p.id, label: `${p.partnerName} (${p.id})` }));
  const empty = choices.length === 0;
  byId('empty').hidden = !empty;
  byId('choose').hidden = empty;
  if (empty) return;
  const wanted = opening().partnerId;
  fillSelect(partnerSelect, choices, {
    selected: wanted && options.partners.some((p) => p.id === wanted) ? wanted : options.partners[0].id,
  });
  await load();
}

partnerSelect.addEventListener('change', () => void load());
periodSelect.addEventListener('change', () => void load());
void start();
