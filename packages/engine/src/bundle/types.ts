/**
 * The bundle format (一件事 bundle) as authored by policy staff in YAML or JSON.
 * `schema/bundle.schema.json` is the published JSON Schema of exactly these types;
 * keep the two in step (a test checks the examples against both).
 */

/** A text in both working languages. `en` may be omitted; the UI then falls back to zh-CN. */
export interface LocalizedText {
  'zh-CN': string;
  en?: string;
}

/** A CEL expression over the shared field keys (see `rules/`). */
export type CelExpression = string;

export interface Bundle {
  /** Editor hint only; ignored by the engine. */
  $schema?: string;
  /** Stable id, lowerCamel or kebab (`newborn`, `business-startup`). */
  id: string;
  /** Semver of this bundle document. */
  version: string;
  title: LocalizedText;
  description?: LocalizedText;
  /** Id of the lead department (牵头部门), a key of `departments`. */
  leadDepartment: string;
  /**
   * Overall promised limit of the whole bundle in whole working days (整体承诺时限). Day counts are
   * integers throughout: the working-day calendar (限时办结) counts days, not hours.
   */
  promisedDays: number;
  /** Departments taking part, keyed by id. */
  departments: Record<string, Department>;
  /** The shared field dictionary (字段字典): canonical keys of the merged form. */
  fields: Record<string, FieldDefinition>;
  /** Service items (事项), in the order the applicant sees them. */
  items: ServiceItem[];
  /** The one set of materials (一套材料), keyed by id (`m_` prefix). Items refer to them by id. */
  materials?: Record<string, Material>;
  /** Cross-field checks over the merged data. */
  rules?: ValidationRule[];
  /** Sections or steps of the merged form. */
  layout?: Layout;
  /** Flow procedure settings (容缺 grace period, SLA warning share, retries). */
  procedures?: Procedures;
}

/** How the flow runtime handles this bundle's applications; every setting has a default. */
export interface Procedures {
  /**
   * After a 容缺 supply deadline passes the item is suspended; supplied within this many working
   * days it resumes, otherwise it is terminated (退件). Default 15.
   */
  acceptMissingGraceDays?: number;
  /** Share of the promised limit after which an SLA warning (预警) is raised. Default 0.8. */
  warnAtShare?: number;
  /** Default 告知承诺 verification (核查) time in working days after the decision. Default 20. */
  verificationDueDays?: number;
  /** Retries of failed department calls. */
  retry?: { maxAttempts?: number; baseDelaySeconds?: number; maxDelaySeconds?: number };
}

/** Personal-data categories, tokenised in traces and masked in logs. */
export type PersonalDataKind = 'name' | 'idNumber' | 'phone' | 'address' | 'account' | 'other';

export interface Department {
  name: LocalizedText;
  /** Short name for notes such as "将提供给：公安、医保". */
  shortName?: LocalizedText;
}

export type FieldType =
  'string' | 'integer' | 'number' | 'boolean' | 'date' | 'datetime' | 'array' | 'object';

/** Formats the engine knows; `cn-*` are GB-standard checks. */
export type FieldFormat =
  'cn-id-card' | 'cn-uscc' | 'cn-mobile' | 'cn-region-code' | 'email' | 'uri' | 'date' | 'date-time';

export interface FieldOption {
  value: string | number | boolean;
  label: LocalizedText;
}

/** Shape and constraints shared by top-level fields and the properties of object/array fields. */
export interface FieldShape {
  type: FieldType;
  label: LocalizedText;
  help?: LocalizedText;
  placeholder?: LocalizedText;
  format?: FieldFormat;
  /** Allowed values; for a string field with options this is implied by `options`. */
  enum?: Array<string | number | boolean>;
  /** Labelled options for select/radio/checkbox widgets. */
  options?: FieldOption[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  /** For arrays: bounds on the number of entries. */
  minItems?: number;
  maxItems?: number;
  /** For `array`: the entry shape. Scalar arrays use a scalar shape. */
  items?: FieldShape;
  /** For `object` (and arrays of objects): the sub-fields, in order. */
  properties?: Record<string, FieldShape>;
  /** Sub-fields that must be present in each object. */
  required?: string[];
  /** Widget hint: `text`, `textarea`, `select`, `radio`, `checkbox`, `switch`, `id-card`, `mobile`, `region`, `address`, `date`, `datetime`, `repeat`… */
  widget?: string;
  /**
   * Personal data category: tokenised in traces, masked in logs. Fields with format `cn-id-card`
   * or `cn-mobile` are personal without it.
   */
  personal?: PersonalDataKind;
  default?: unknown;
}

export interface FieldDefinition extends FieldShape {
  /** Shown and validated only when true (default: always). */
  visibleIf?: CelExpression;
  /** Required when true, in addition to what the departments' forms require. */
  requiredIf?: CelExpression;
  /** Value computed from other fields; the applicant may not edit it unless `editable`. */
  computed?: CelExpression;
  /** With `computed`: the computed value is a suggestion the applicant may overwrite. */
  editable?: boolean;
  /** Never entered by the applicant (hospital pre-fill, item outputs). */
  readOnly?: boolean;
}

export type ItemType =
  'licensing' | 'confirmation' | 'payment' | 'reward' | 'adjudication' | 'otherPower' | 'publicService';

export interface ServiceItem {
  /** Id unique in the bundle (`birthReg`). */
  id: string;
  /** Code from the implementation list (实施编码 / 基本编码), an opaque string. */
  code?: string;
  name: LocalizedText;
  /** Key of `departments`. */
  department: string;
  /** 实施机关 when it differs from the department (e.g. 助产机构). */
  implementingAgency?: LocalizedText;
  itemType: ItemType;
  /** 即办件 (immediate) or 承诺件 (promised). */
  caseType?: 'immediate' | 'promised';
  /** 法定办结时限, whole working days. */
  legalLimitDays?: number;
  /** 承诺办结时限, whole working days (≤ legal; 0 = 即办, done on the spot). */
  promisedLimitDays: number;
  /** 到办事现场次数. */
  visitsOnSite?: number;
  fee?: { charged: boolean; standard?: LocalizedText; basis?: LocalizedText };
  /** 审批结果. */
  result?: {
    name: LocalizedText;
    type: 'licence' | 'approval' | 'other';
    /** Licence type, e.g. 出生医学证明; electronic licence catalogue code if known. */
    licenceType?: string;
    eLicenceCode?: string;
  };
  legalBasis?: LocalizedText;
  /** Items whose results this one needs first. */
  dependsOn?: string[];
  /** 情形: the item applies only when this holds (default: always). */
  applicableIf?: CelExpression;
  /** Shared field keys this item produces (出生医学证明编号 → later items). */
  outputs?: string[];
  /** The department's own form. */
  form: DepartmentForm;
  /** Ids of materials (keys of the bundle's `materials`) this item needs. */
  materials?: string[];
}

/** A department's own form and how its field names map to the shared dictionary. */
export interface DepartmentForm {
  /** JSON Schema (2020-12 subset: type, properties, required, items, enum, format, min/max, length, pattern). */
  schema: DepartmentSchema;
  /** Department property name → canonical key or a mapping. */
  map: Record<string, FieldMapping>;
}

export type FieldMapping =
  | string
  | {
      /** Canonical key (top level) or sub-field name (inside `items`/`properties`). */
      field: string;
      /** Canonical value → department value, e.g. `{ "1": "M", "2": "F" }`. */
      values?: Record<string, string | number | boolean>;
      /** For arrays of objects: department sub-field → canonical sub-field. */
      items?: Record<string, FieldMapping>;
    };

/** The subset of JSON Schema a department form may use. */
export interface DepartmentSchema {
  type?: string | string[];
  title?: string;
  description?: string;
  properties?: Record<string, DepartmentSchema>;
  required?: string[];
  items?: DepartmentSchema;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minItems?: number;
  maxItems?: number;
  additionalProperties?: boolean | DepartmentSchema;
  [keyword: string]: unknown;
}

export interface Material {
  name: LocalizedText;
  /** 原件 / 复印件 / both. */
  form?: 'original' | 'copy' | 'originalAndCopy';
  /** 纸质 / 电子 / either. */
  medium?: 'paper' | 'electronic' | 'either';
  copies?: number;
  /** Required unless `requiredIf` is given (then required only when it holds). */
  required?: boolean;
  requiredIf?: CelExpression;
  description?: LocalizedText;
  /** 容缺受理: may be accepted missing and supplied later. */
  acceptMissing?: {
    /** Supply deadline in working days after provisional acceptance (≤ the item's promised limit). */
    supplyWithinDays?: number;
  };
  /** 告知承诺: a signed commitment may replace this proof. */
  commitment?: {
    text: LocalizedText;
    verification?: {
      method: 'document' | 'online' | 'onSite' | 'publicNotice' | 'interDepartment';
      dueDays?: number;
      exempt?: boolean;
    };
  };
  /** 免证办: satisfied by an electronic licence of this type. */
  eLicence?: { licenceType: string; catalogCode?: string };
  /** 免提交: satisfied by an earlier item's output. */
  fromOutput?: { item: string; field?: string };
  /** File constraints for uploads. */
  accept?: string[];
  maxSizeMB?: number;
}

export interface ValidationRule {
  id: string;
  /** Must evaluate to true; a rule that reads an empty field is not checked. */
  expr: CelExpression;
  /** Checked only when this holds. */
  when?: CelExpression;
  message: LocalizedText;
  /** Fields the error is shown on (the first one receives focus). */
  fields: string[];
  severity?: 'error' | 'warning';
}

export interface Layout {
  mode?: 'sections' | 'steps';
  sections: LayoutSection[];
}

export interface LayoutSection {
  id: string;
  title: LocalizedText;
  help?: LocalizedText;
  /** Field keys in display order. */
  fields: string[];
  visibleIf?: CelExpression;
}
