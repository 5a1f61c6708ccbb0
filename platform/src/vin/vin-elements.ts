/** The vPIC elements (Element.Id) the decoder imports and reads; vPIC ids, so they never change. */
export const VinElement = {
  BodyClass: 5,
  Cylinders: 9,
  DisplacementCc: 11,
  DisplacementCi: 12,
  DisplacementL: 13,
  DriveType: 15,
  EngineModel: 18,
  EngineKw: 21,
  FuelTypePrimary: 24,
  /** Not a pattern element in vPIC: the import derives it from the model (Make_Model). */
  Make: 26,
  Model: 28,
  Series: 34,
  TransmissionStyle: 37,
  Trim: 38,
  TransmissionSpeeds: 63,
  FuelTypeSecondary: 66,
  EngineHp: 71,
  PlantCountry: 75,
} as const;

export type VinElementId = (typeof VinElement)[keyof typeof VinElement];

/** Elements taken from VIN patterns (the make comes with the model). */
export const patternElementIds: readonly number[] = Object.values(VinElement).filter(
  (elementId) => elementId !== VinElement.Make,
);

/** Elements vPIC knows per engine model code (EngineModelPattern), used when no VIN pattern gives them. */
export const engineModelElementIds: readonly number[] = [
  VinElement.Cylinders,
  VinElement.DisplacementCc,
  VinElement.DisplacementCi,
  VinElement.DisplacementL,
  VinElement.EngineKw,
  VinElement.FuelTypePrimary,
  VinElement.FuelTypeSecondary,
  VinElement.EngineHp,
];
