import type { MaterialDecision } from '@onething/engine/runtime';
import type { MessageKey } from '../i18n/messages.js';

/** What the widget keeps of a chosen file: its description, never its contents. */
export interface FileInfo {
  name: string;
  size: number;
  type?: string;
}

/** One way to provide a material (上传, 免证, 容缺, 告知承诺). */
export type Way = MaterialDecision['kind'];

/** Why an applicant's action did not produce a decision, as a widget message and its parameters. */
export interface Problem {
  key: MessageKey;
  params?: Record<string, string | number>;
}
