/**
 * The layout names of the blueprint's Layouts enum, in its order. `allEqual` reverted in R1.9 to the
 * pre-1.7 equal-size grid; the 1.7 `allEqual` is now `automatic`.
 */
export const LAYOUTS = [
  'allEqual',
  'speakerOnly',
  'telepresence',
  'stacked',
  'allEqualQuarters',
  'allEqualNinths',
  'allEqualSixteenths',
  'allEqualTwentyFifths',
  'onePlusFive',
  'onePlusSeven',
  'onePlusNine',
  'automatic',
  'onePlusN',
] as const;
