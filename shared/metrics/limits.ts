/** The relationship population's limits, free of data so that the web app can import them. */
export const MAX_PERIOD_MONTHS = 36;
export const ACTIVE_WINDOW_MONTHS = 12;
