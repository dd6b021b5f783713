import { CollectBatchResult } from '@zhuhe/contracts';
import { apiRequest } from './api-client';

/**
 * First-party product analytics under PIPL (个人信息保护法): nothing leaves the browser before the visitor chooses
 * 同意 in the consent banner; the choice is kept in this browser and sent with every batch (the server drops a
 * batch without it). A landing's campaign parameters are kept locally from the first visit and sent as a touch
 * once the visitor consents, so a registration can be attributed to its channel.
 */
const CONSENT_KEY = 'zh_consent';
const VISITOR_KEY = 'zh_aid';
const TOUCHES_KEY = 'zh_touches';
const CAMPAIGN_PARAMS = [
  'utm_source',
  'utm_medium',
  'utm_campaign',
  'utm_term',
  'utm_content',
  'ref',
  'partner',
  'event',
];
const FLUSH_MS = 4_000;

export interface Consent {
  granted: boolean;
  at: string;
}

interface QueuedEvent {
  name: string;
  occurredAt: string;
  properties: Record<string, string | number | boolean | null>;
}

let queue: QueuedEvent[] = [];
let timer: ReturnType<typeof setTimeout> | null = null;
const listeners = new Set<() => void>();

function read<T>(key: string): T | null {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

export function readConsent(): Consent | null {
  return read<Consent>(CONSENT_KEY);
}

export function onConsentChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function visitorId(): string {
  let id = localStorage.getItem(VISITOR_KEY);
  if (!id) {
    id = crypto.randomUUID();
    localStorage.setItem(VISITOR_KEY, id);
  }
  return id;
}

/** Keeps a landing's campaign parameters (UTM, 推荐码 referral, 合作伙伴 partner, 展会/峰会 offline event codes). */
export function captureTouch(search: string): void {
  const params = new URLSearchParams(search);
  const touch: QueuedEvent['properties'] = {};
  for (const key of CAMPAIGN_PARAMS) {
    const value = params.get(key);
    if (value) touch[key] = value.slice(0, 200);
  }
  if (Object.keys(touch).length === 0) return;
  const touches = read<QueuedEvent[]>(TOUCHES_KEY) ?? [];
  touches.push({ name: 'visit.touched', occurredAt: new Date().toISOString(), properties: touch });
  localStorage.setItem(TOUCHES_KEY, JSON.stringify(touches.slice(-5)));
  if (readConsent()?.granted) releaseTouches();
}

function releaseTouches(): void {
  const consent = readConsent();
  const touches = read<QueuedEvent[]>(TOUCHES_KEY) ?? [];
  if (!consent?.granted || touches.length === 0) return;
  // kept from before the choice: recorded at the moment of consent, never earlier
  for (const touch of touches)
    enqueue({ ...touch, occurredAt: touch.occurredAt < consent.at ? consent.at : touch.occurredAt });
  localStorage.removeItem(TOUCHES_KEY);
}

export function setConsent(granted: boolean): void {
  localStorage.setItem(CONSENT_KEY, JSON.stringify({ granted, at: new Date().toISOString() }));
  if (granted) releaseTouches();
  else {
    queue = [];
    localStorage.removeItem(VISITOR_KEY);
  }
  for (const listener of listeners) listener();
}

function enqueue(event: QueuedEvent): void {
  queue.push(event);
  if (queue.length >= 20) void flush();
  else if (!timer) timer = setTimeout(() => void flush(), FLUSH_MS);
}

/** Records a page view or key action, if and only if the visitor has consented. */
export function track(name: string, properties: QueuedEvent['properties'] = {}): void {
  if (!readConsent()?.granted) return;
  enqueue({ name, occurredAt: new Date().toISOString(), properties });
}

export async function flush(): Promise<void> {
  if (timer) clearTimeout(timer);
  timer = null;
  const consent = readConsent();
  const events = queue.splice(0, 200);
  if (!consent?.granted || events.length === 0) return;
  await apiRequest('POST', '/api/analytics/batch', CollectBatchResult, {
    body: { anonymousId: visitorId(), consent, events },
  }).catch(() => undefined);
}
