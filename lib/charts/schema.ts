/** The Vega-Lite schema every spec names. Only a string: nothing is fetched. */
export const SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';
