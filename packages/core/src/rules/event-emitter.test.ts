import { describe, expect, it } from 'vitest';
import EventEmitter from './event-emitter.js';

describe('the emitter that stands in for eventemitter2', () => {
  it('calls listeners in order, with the arguments and the emitter as this, and resolves with their results', async () => {
    const e = new EventEmitter();
    const calls: unknown[] = [];
    e.on('success', function (this: unknown, a: unknown, b: unknown) {
      calls.push(['first', this === e, a, b]);
      return 1;
    });
    e.on('success', async (a: unknown) => {
      calls.push(['second', a]);
      return 2;
    });
    await expect(e.emitAsync('success', 'x', 'y')).resolves.toEqual([1, 2]);
    expect(calls).toEqual([['first', true, 'x', 'y'], ['second', 'x']]);
    expect(e.listenerCount('success')).toBe(2);
  });

  it('answers an event nobody listens to with a resolved promise, and removes listeners', async () => {
    const e = new EventEmitter();
    await expect(e.emitAsync('failure', 1)).resolves.toEqual([]);
    const fn = () => 'x';
    e.on('failure', fn).off('failure', fn);
    expect(e.listenerCount('failure')).toBe(0);
    await expect(e.emitAsync('failure')).resolves.toEqual([]);
  });

  it('turns a listener that throws into a rejection', async () => {
    const e = new EventEmitter();
    e.on('success', () => {
      throw new Error('boom');
    });
    await expect(e.emitAsync('success')).rejects.toThrow('boom');
  });

  it('works as the base of an ES5 class that calls it without new, as json-rules-engine does', () => {
    function Engine(this: { ready: boolean }) {
      (EventEmitter as unknown as () => void).call(this);
      this.ready = true;
    }
    Engine.prototype = Object.create(EventEmitter.prototype);
    const engine = new (Engine as unknown as new () => InstanceType<typeof EventEmitter> & { ready: boolean })();
    expect(engine.ready).toBe(true);
    expect(engine.on('x', () => 0).listenerCount('x')).toBe(1);
  });
});
