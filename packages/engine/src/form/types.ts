import type { Diagnostic } from '../diagnostics/types.js';
import type { LocalizedText } from '../bundle/types.js';

/** What the applicant chose for one material (申请材料). */
export type MaterialDecision =
  | { kind: 'provided'; files?: Array<{ name: string; size: number; type?: string }> }
  /** 免证办: fetched from the electronic licence system. */
  | { kind: 'eLicence'; licenceNo?: string }
  /** 容缺受理: supplied later; the applicant signed the 容缺 commitment. */
  | { kind: 'deferred'; signer: string; signedAt: string }
  /** 告知承诺: the signed commitment replaces the proof. */
  | { kind: 'committed'; signer: string; signedAt: string };

export type MaterialDecisions = Record<string, MaterialDecision>;

/** Everything a widget needs to render one field. */
export interface FieldState {
  key: string;
  value: unknown;
  visible: boolean;
  required: boolean;
  /** Not editable: item outputs, read-only and non-editable computed fields. */
  readOnly: boolean;
  /** The value came from a `computed` rule. */
  computed: boolean;
  touched: boolean;
  errors: Diagnostic[];
  /** Department ids of the applicable items this field feeds (for "将提供给：公安、医保"). */
  departments: string[];
}

/** One required material of the applicable items, and how it stands. */
export interface MaterialState {
  id: string;
  name: LocalizedText;
  /** Applicable items that need it. */
  items: string[];
  required: boolean;
  /** How it is satisfied, if it is. `fromOutput` means an earlier item produces it (免提交). */
  satisfiedBy?: MaterialDecision['kind'] | 'fromOutput';
  /** Which ways out the bundle allows when it is missing. */
  options: { acceptMissing: boolean; commitment: boolean; eLicence: boolean };
}

/** One entry of the one-time notice (一次性告知). */
export interface NoticeEntry {
  kind: 'field' | 'material';
  /** Field key or material id. */
  key: string;
  /** JSON Pointer into the data (`/babyName`) or `/materials/<id>`. */
  path: string;
  label: LocalizedText;
  /** Why it is listed (required / invalid / missing material), with localized messages. */
  diagnostics: Diagnostic[];
  /** Department ids that need it. */
  departments: string[];
}

/** 一次性告知: every missing or invalid field and material across all applicable items, at once. */
export interface OneTimeNotice {
  ok: boolean;
  entries: NoticeEntry[];
  /** The same entries grouped by department, in the bundle's department order. */
  byDepartment: Array<{ department: string; name: LocalizedText; entries: NoticeEntry[] }>;
}
