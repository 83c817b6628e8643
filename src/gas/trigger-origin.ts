// Whether an execution was started by one of the add-on's own installable triggers: what every trigger handler checks first.

/**
 * The event's trigger ID when it names a trigger of `handler` that the account running this execution
 * created, else null. Any top-level function can be called from a page with google.script.run, with any
 * object as its event, so the ID alone proves nothing; but a trigger runs as its creator, and only the
 * creator sees their triggers, so a forged or borrowed ID is not in the list.
 */
export function ownTriggerId(handler: string, e: unknown): string | null {
  const uid = e !== null && typeof e === 'object' ? (e as { triggerUid?: unknown }).triggerUid : undefined;
  if ((typeof uid !== 'string' && typeof uid !== 'number') || String(uid) === '') return null;
  const id = String(uid);
  const found = ScriptApp.getProjectTriggers().some(
    (t) => t.getUniqueId() === id && t.getHandlerFunction() === handler,
  );
  return found ? id : null;
}
