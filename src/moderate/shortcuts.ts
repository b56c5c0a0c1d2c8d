/** The desk's keyboard shortcuts: which key means what, and when a key press is not one. */
import { ACTION_KEYS, type ActionId } from './actions.js';

export type NavCommand = 'next' | 'previous' | 'undo' | 'refresh' | 'search' | 'help' | 'queue' | 'audit';
export type Command = ActionId | NavCommand;

export const NAV_KEYS: Readonly<Record<NavCommand, string>> = {
  next: 'j', previous: 'k', undo: 'z', refresh: 'r', search: '/', help: '?', queue: 'q', audit: 'l',
};

const BY_KEY = new Map<string, Command>([
  ...Object.entries(NAV_KEYS).map(([command, key]) => [key, command as Command] as const),
  ...Object.entries(ACTION_KEYS).map(([command, key]) => [key, command as Command] as const),
]);

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'password', 'number', 'email', 'url', 'tel', 'date', 'datetime-local', 'time']);

/** True while the key goes to a field a person types in (then no key is a shortcut). */
export function isTyping(event: Event): boolean {
  const origin = event.composedPath()[0];
  if (!(origin instanceof HTMLElement)) return false;
  if (origin.isContentEditable || origin instanceof HTMLTextAreaElement || origin instanceof HTMLSelectElement) return true;
  return origin instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(origin.type);
}

/** The command a key press asks for, or null (typing, a modifier held, or no such key). */
export function commandFor(event: KeyboardEvent): Command | null {
  if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing || event.defaultPrevented) return null;
  if (isTyping(event)) return null;
  return BY_KEY.get(event.key) ?? null;
}
