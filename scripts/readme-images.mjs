// The README's pictures: copies the browser tests' screenshots (artifacts/screenshots/, written by
// `npm run test:browser`) into docs/images/ under the names the README uses. A screenshot missing
// (its test not run, or failed) stops it before anything is copied.
import { copyFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shots = path.join(root, 'artifacts', 'screenshots');
const images = path.join(root, 'docs', 'images');

/** docs/images name -> the screenshot it is (and the test that takes it). */
const PICTURES = {
  'playground.png': 'playground.png', // playground-first-hour: the demo on the Dashboard, Get started
  'dashboard.png': 'playground-dashboard.png', // scorecard: the Dashboard's figures and charts
  'partner-scorecard.png': 'sidebar-partner-scorecard.png', // scorecard
  'sidebar-register-lead.png': 'sidebar-register-lead-panel.png', // sidebar-pages
  'sidebar-review-leads-overlap.png': 'sidebar-review-leads-overlap.png', // overlap-approval
  'sidebar-review-leads-search.png': 'sidebar-review-leads-search.png', // playground-first-hour
  'sidebar-commissions-long.png': 'sidebar-commissions-long.png', // commissions-page
};

const missing = Object.values(PICTURES).filter((shot) => !existsSync(path.join(shots, shot)));
if (missing.length) {
  console.error(
    `No screenshot ${missing.join(', ')} in artifacts/screenshots: run npm run test:browser first.`,
  );
  process.exit(1);
}
for (const [image, shot] of Object.entries(PICTURES)) {
  copyFileSync(path.join(shots, shot), path.join(images, image));
  console.log(`docs/images/${image} <- artifacts/screenshots/${shot}`);
}
