import { addDaysFunction } from './addDays.js';
import { addMonthsFunction } from './addMonths.js';
import { ageOnFunction } from './ageOn.js';
import { dateOfFunction } from './dateOf.js';
import { daysBetweenFunction } from './daysBetween.js';
import { idBirthDateFunction } from './idBirthDate.js';
import { idGenderFunction } from './idGender.js';
import { idRegionFunction } from './idRegion.js';
import { isDateFunction } from './isDate.js';
import { isIdCardFunction } from './isIdCard.js';
import { isMobileFunction } from './isMobile.js';
import { isRegionCodeFunction } from './isRegionCode.js';
import { isUsccFunction } from './isUscc.js';
import { isUsccLenientFunction } from './isUsccLenient.js';
import { regionPrefectureFunction } from './regionPrefecture.js';
import { regionProvinceFunction } from './regionProvince.js';
import { sameProvinceFunction } from './sameProvince.js';
import { sumFunction } from './sum.js';
import type { CelFunctionDescriptor } from './types.js';

export type { CelFunctionDescription, CelFunctionDescriptor } from './types.js';

/** Every domain function registered in the rules' CEL environment, one overload per entry. */
export const celFunctions: readonly CelFunctionDescriptor[] = [
  addDaysFunction,
  addMonthsFunction,
  ageOnFunction,
  dateOfFunction,
  daysBetweenFunction,
  idBirthDateFunction,
  idGenderFunction,
  idRegionFunction,
  isDateFunction,
  isIdCardFunction,
  isMobileFunction,
  isRegionCodeFunction,
  isUsccFunction,
  isUsccLenientFunction,
  regionPrefectureFunction,
  regionProvinceFunction,
  sameProvinceFunction,
  sumFunction,
];

export { celFunctionDocs } from './celFunctionDocs.js';
