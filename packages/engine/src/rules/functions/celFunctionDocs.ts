import type { CelFunctionDescription } from './types.js';
import { addDaysFunction, addDaysDescription } from './addDays.js';
import { addMonthsFunction, addMonthsDescription } from './addMonths.js';
import { ageOnFunction, ageOnDescription } from './ageOn.js';
import { dateOfFunction, dateOfDescription } from './dateOf.js';
import { daysBetweenFunction, daysBetweenDescription } from './daysBetween.js';
import { idBirthDateFunction, idBirthDateDescription } from './idBirthDate.js';
import { idGenderFunction, idGenderDescription } from './idGender.js';
import { idRegionFunction, idRegionDescription } from './idRegion.js';
import { isDateFunction, isDateDescription } from './isDate.js';
import { isIdCardFunction, isIdCardDescription } from './isIdCard.js';
import { isMobileFunction, isMobileDescription } from './isMobile.js';
import { isRegionCodeFunction, isRegionCodeDescription } from './isRegionCode.js';
import { isUsccFunction, isUsccDescription } from './isUscc.js';
import { isUsccLenientFunction, isUsccLenientDescription } from './isUsccLenient.js';
import { regionPrefectureFunction, regionPrefectureDescription } from './regionPrefecture.js';
import { regionProvinceFunction, regionProvinceDescription } from './regionProvince.js';
import { sameProvinceFunction, sameProvinceDescription } from './sameProvince.js';
import { sumFunction, sumDescription } from './sum.js';

/** What each domain function does, by signature (the same order as `celFunctions`), for editors and docs. */
export const celFunctionDocs: Readonly<Record<string, CelFunctionDescription>> = Object.fromEntries([
  [addDaysFunction.signature, addDaysDescription],
  [addMonthsFunction.signature, addMonthsDescription],
  [ageOnFunction.signature, ageOnDescription],
  [dateOfFunction.signature, dateOfDescription],
  [daysBetweenFunction.signature, daysBetweenDescription],
  [idBirthDateFunction.signature, idBirthDateDescription],
  [idGenderFunction.signature, idGenderDescription],
  [idRegionFunction.signature, idRegionDescription],
  [isDateFunction.signature, isDateDescription],
  [isIdCardFunction.signature, isIdCardDescription],
  [isMobileFunction.signature, isMobileDescription],
  [isRegionCodeFunction.signature, isRegionCodeDescription],
  [isUsccFunction.signature, isUsccDescription],
  [isUsccLenientFunction.signature, isUsccLenientDescription],
  [regionPrefectureFunction.signature, regionPrefectureDescription],
  [regionProvinceFunction.signature, regionProvinceDescription],
  [sameProvinceFunction.signature, sameProvinceDescription],
  [sumFunction.signature, sumDescription],
] as const);
