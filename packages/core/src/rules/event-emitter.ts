/**
 * Bundling stand-in for the `eventemitter2` package inside json-rules-engine, whose Engine and
 * Rule classes extend it and call `emitAsync` two or three times for every rule evaluation
 * ("success"/"failure" on the rule, then on the engine and the event type). Core never listens,
 * yet eventemitter2 builds an arguments copy, a promise list and a Promise.all for each call:
 * about a tenth of the engine's time per rule. This emitter keeps the part of its interface
 * json-rules-engine and its users rely on (`on`, `off`, `emitAsync`, `listenerCount`) and answers
 * an event nobody listens to with one shared, already resolved promise.
 *
 * A constructor function rather than a class: json-rules-engine's ES5 classes call their base
 * constructor without `new`.
 */
type Listener = (...args: unknown[]) => unknown;

interface EventEmitter {
  listenersByEvent: Map<string | symbol, Listener[]> | undefined;
  on(event: string | symbol, listener: Listener): this;
  addListener(event: string | symbol, listener: Listener): this;
  off(event: string | symbol, listener: Listener): this;
  removeListener(event: string | symbol, listener: Listener): this;
  emitAsync(event: string | symbol, ...args: unknown[]): Promise<unknown[]>;
  listenerCount(event: string | symbol): number;
}

const NOBODY_LISTENS: Promise<unknown[]> = Promise.resolve(Object.freeze([]) as unknown as unknown[]);

function EventEmitter(this: EventEmitter): void {
  this.listenersByEvent = undefined;
}

EventEmitter.prototype.on = function on(this: EventEmitter, event: string | symbol, listener: Listener): EventEmitter {
  this.listenersByEvent ??= new Map();
  const list = this.listenersByEvent.get(event);
  if (list) list.push(listener);
  else this.listenersByEvent.set(event, [listener]);
  return this;
};
EventEmitter.prototype.addListener = EventEmitter.prototype.on;

EventEmitter.prototype.off = function off(this: EventEmitter, event: string | symbol, listener: Listener): EventEmitter {
  const list = this.listenersByEvent?.get(event);
  const at = list ? list.lastIndexOf(listener) : -1;
  if (at !== -1) {
    list!.splice(at, 1);
    if (list!.length === 0) this.listenersByEvent!.delete(event);
  }
  return this;
};
EventEmitter.prototype.removeListener = EventEmitter.prototype.off;

/** Calls every listener of `event` with `args` (in the order they were added); resolves with their results. */
EventEmitter.prototype.emitAsync = function emitAsync(this: EventEmitter, event: string | symbol, ...args: unknown[]): Promise<unknown[]> {
  const list = this.listenersByEvent?.get(event);
  if (!list) return NOBODY_LISTENS;
  try {
    return Promise.all(list.slice().map((listener) => listener.apply(this, args)));
  } catch (e) {
    return Promise.reject(e);
  }
};

EventEmitter.prototype.listenerCount = function listenerCount(this: EventEmitter, event: string | symbol): number {
  return this.listenersByEvent?.get(event)?.length ?? 0;
};

export default EventEmitter as unknown as { new (): EventEmitter; prototype: EventEmitter };
