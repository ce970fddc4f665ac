/** Company names and domains close enough to conflict (the lead-index tests draw from them). */
export const NEAR_COMPANIES = [
  'Globex',
  'Globexx',
  'Initech Systems',
  'Initech System',
  'Umbrella',
  'Hooli',
  'Acme Corp',
];
export const NEAR_DOMAINS = ['', 'globex.example', 'initech.example', 'hooli.example', 'gmail.com'];
