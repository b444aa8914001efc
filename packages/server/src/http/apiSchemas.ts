/**
 * JSON schemas shared by the routes, registered once with `addSchema` and referenced as
 * `{ $ref: 'Name#' }`: fastify validates requests with them (ajv) and the OpenAPI document lists
 * them under `components.schemas`. Objects whose content the engine owns (a flow state, a bundle)
 * stay open (`additionalProperties: true`): the engine validates them, and the response serializer
 * must not drop what it does not know.
 */

const open = { type: 'object', additionalProperties: true } as const;

export const SHARED_SCHEMAS = [
  {
    $id: 'Diagnostic',
    description: 'One problem, as data: a stable code, a JSON Pointer and messages rendered from params.',
    type: 'object',
    required: ['code', 'severity', 'path', 'message', 'messages', 'params'],
    properties: {
      code: { type: 'string', description: 'Stable SCREAMING_SNAKE code' },
      severity: { type: 'string', enum: ['error', 'warning', 'info'] },
      path: { type: 'string', description: 'JSON Pointer into the request (or the data)' },
      message: { type: 'string' },
      messages: {
        type: 'object',
        required: ['zh-CN', 'en'],
        properties: { 'zh-CN': { type: 'string' }, en: { type: 'string' } },
      },
      params: open,
      line: { type: 'integer' },
      column: { type: 'integer' },
    },
  },
  {
    $id: 'ErrorBody',
    description: 'Every 4xx answer: a short error and the diagnostics saying what to change.',
    type: 'object',
    required: ['error', 'diagnostics'],
    properties: {
      error: { type: 'string' },
      diagnostics: { type: 'array', items: { $ref: 'Diagnostic#' } },
    },
  },
  {
    $id: 'MaterialDecisions',
    description: 'Material id → how it is satisfied (provided, eLicence, deferred 容缺, committed 告知承诺).',
    type: 'object',
    additionalProperties: {
      type: 'object',
      required: ['kind'],
      properties: {
        kind: { type: 'string', enum: ['provided', 'eLicence', 'deferred', 'committed'] },
        signer: { type: 'string', maxLength: 200 },
        signedAt: { type: 'string', maxLength: 200 },
        licenceNo: { type: 'string', maxLength: 200 },
        files: {
          type: 'array',
          maxItems: 50,
          items: {
            type: 'object',
            required: ['name', 'size'],
            properties: {
              name: { type: 'string', maxLength: 200 },
              size: { type: 'number' },
              type: { type: 'string', maxLength: 200 },
            },
          },
        },
      },
    },
  },
  {
    $id: 'StateSummary',
    description: 'The status of the application and of each item (what a new revision changes).',
    type: 'object',
    required: ['status', 'items'],
    properties: {
      status: { type: 'string' },
      updatedAt: { type: 'string' },
      items: {
        type: 'object',
        additionalProperties: {
          type: 'object',
          required: ['status'],
          properties: { status: { type: 'string' }, receiptNo: { type: 'string' } },
        },
      },
    },
  },
  {
    $id: 'FlowState',
    description:
      "The engine's state of an application without its internals (timers, calls in flight): what <onething-status> renders.",
    ...open,
    required: ['applicationId', 'status', 'items'],
  },
  {
    $id: 'Deadline',
    description: '限时办结 of one item in working days (the engine calendar), as of today (China time).',
    type: 'object',
    required: ['limitDays'],
    properties: {
      limitDays: { type: 'integer' },
      acceptedOn: { type: 'string' },
      due: { type: 'string' },
      workingDaysLeft: { type: 'integer', description: 'Working days after today up to `due`' },
      overdue: { type: 'boolean' },
      pausedSince: { type: 'string' },
      pauseReason: { type: 'string' },
      stoppedOn: { type: 'string' },
    },
  },
  {
    $id: 'ItemView',
    type: 'object',
    required: ['status', 'outstanding'],
    properties: {
      status: { type: 'string' },
      since: { type: 'string' },
      receiptNo: { type: 'string' },
      reasons: { type: 'array', items: open },
      licence: open,
      outstanding: {
        type: 'array',
        items: { type: 'string' },
        description: '容缺 materials still to supply',
      },
      supplyDue: { type: 'string' },
      supplyWorkingDaysLeft: { type: 'integer' },
      graceDue: { type: 'string' },
      deadline: { $ref: 'Deadline#' },
      verifications: { type: 'array', items: open },
    },
  },
  {
    $id: 'ApplicationView',
    description: 'An application as its applicant reads it.',
    type: 'object',
    required: ['id', 'bundleId', 'revision', 'status', 'items', 'state'],
    properties: {
      id: { type: 'string' },
      bundleId: { type: 'string' },
      revision: { type: 'integer' },
      status: { type: 'string' },
      submittedAt: { type: 'string' },
      updatedAt: { type: 'string' },
      today: { type: 'string', description: 'The day the working days are counted from' },
      notice: { ...open, description: 'The last 一次性告知 (one-time notice), if any' },
      items: { type: 'object', additionalProperties: { $ref: 'ItemView#' } },
      state: { $ref: 'FlowState#' },
    },
  },
  {
    $id: 'ChangeResult',
    description: 'What an action changed: the revision saved (unchanged when nothing happened).',
    type: 'object',
    required: ['revision', 'state', 'diagnostics'],
    properties: {
      revision: { type: 'integer' },
      state: { $ref: 'StateSummary#' },
      diagnostics: { type: 'array', items: { $ref: 'Diagnostic#' } },
    },
  },
] as const;

/** `{ 400: ErrorBody, 404: ErrorBody, … }` for the given statuses. */
export function errorResponses(...statuses: number[]): Record<string, { $ref: string }> {
  return Object.fromEntries(statuses.map((s) => [s, { $ref: 'ErrorBody#' }]));
}

/** The applicant's credential: `Authorization: Bearer <token>` (or a host's `authorize` hook). */
export const applicantHeaders = {
  type: 'object',
  properties: { authorization: { type: 'string', description: 'Bearer <application token>' } },
} as const;

export const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 100 } },
} as const;
