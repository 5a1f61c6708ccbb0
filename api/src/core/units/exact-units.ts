/** Exact by definition (international yard and pound agreement, 1959; UK Weights and Measures Act 1985). */
export const KM_PER_MILE = 1.609344;
export const LITRES_PER_US_GALLON = 3.785411784;
export const LITRES_PER_IMPERIAL_GALLON = 4.54609;

/** Litres in one of each volume unit the app knows. */
export const litresPer = { l: 1, gal_us: LITRES_PER_US_GALLON, gal_uk: LITRES_PER_IMPERIAL_GALLON } as const;
