/**
 * Draws a sheet's embedded charts over the grid at their anchor cells, with Chart.js (bundled into
 * the playground's own script and served by it: no CDN), as Sheets shows them floating over cells.
 */
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  Legend,
  LinearScale,
  PieController,
  Title,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import type { ChartView } from '../view-types';

Chart.register(
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  DoughnutController,
  Legend,
  LinearScale,
  PieController,
  Title,
  Tooltip,
);

const COLORS = [
  '#4285f4',
  '#ea4335',
  '#fbbc04',
  '#34a853',
  '#ff6d01',
  '#46bdc6',
  '#7baaf7',
  '#f07b72',
  '#fcd04f',
  '#71c287',
];
const WIDTH = 460;
const HEIGHT = 280;

let drawn: Chart[] = [];

function config(view: ChartView): ChartConfiguration {
  const title = { display: true, text: view.title };
  if (view.type === 'PIE') {
    const series = view.series[0] ?? { name: '', values: [] };
    return {
      type: 'doughnut',
      data: {
        labels: view.labels,
        datasets: [{ label: series.name, data: series.values, backgroundColor: COLORS }],
      },
      options: { animation: false, responsive: false, plugins: { title, legend: { position: 'right' } } },
    };
  }
  const horizontal = view.type === 'BAR';
  return {
    type: 'bar',
    data: {
      labels: view.labels,
      datasets: view.series.map((s, i) => ({
        label: s.name,
        data: s.values,
        backgroundColor: COLORS[i % COLORS.length],
      })),
    },
    options: {
      animation: false,
      responsive: false,
      indexAxis: horizontal ? 'y' : 'x',
      scales: { x: { stacked: view.stacked }, y: { stacked: view.stacked } },
      plugins: { title, legend: { display: view.series.length > 1, position: 'right' } },
    },
  };
}

/** Removes the charts drawn before and draws `views`, placed by `place` (the anchor cell's offset). */
export function drawCharts(
  layer: HTMLElement,
  views: readonly ChartView[],
  place: (row: number, col: number) => { left: number; top: number },
): void {
  for (const chart of drawn) chart.destroy();
  drawn = [];
  layer.replaceChildren();
  for (const view of views) {
    const box = document.createElement('div');
    box.className = 'sheet-chart';
    box.dataset.testid = 'sheet-chart';
    box.dataset.title = view.title;
    const { left, top } = place(view.anchor.row, view.anchor.col);
    box.style.left = `${left}px`;
    box.style.top = `${top}px`;
    const canvas = document.createElement('canvas');
    canvas.width = WIDTH;
    canvas.height = HEIGHT;
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', view.title);
    box.append(canvas);
    layer.append(box);
    drawn.push(new Chart(canvas, config(view)));
  }
}
