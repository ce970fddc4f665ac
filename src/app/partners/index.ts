/** The partner use cases, as src/index.ts exposes them. */
export { savePartner } from './save';
export { listPartners, pagePartners, getFormOptions } from './list';
