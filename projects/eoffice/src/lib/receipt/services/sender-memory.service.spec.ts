import { TestBed } from '@angular/core/testing';
import { electronicDraft } from '../mock/receipt.mock';
import { SENDER_MEMORY_KEY, SenderMemoryService } from './sender-memory.service';

describe('SenderMemoryService', () => {
  let memory: SenderMemoryService;

  beforeEach(() => {
    localStorage.removeItem(SENDER_MEMORY_KEY);
    memory = TestBed.inject(SenderMemoryService);
  });

  afterEach(() => localStorage.removeItem(SENDER_MEMORY_KEY));

  it('recalls the last sender block', () => {
    memory.remember(electronicDraft.sender);

    expect(memory.recall()).toEqual(electronicDraft.sender);
  });

  it('recalls nothing when nothing, or something broken, was stored', () => {
    expect(memory.recall()).toBeNull();
    localStorage.setItem(SENDER_MEMORY_KEY, '{broken');
    expect(memory.recall()).toBeNull();
  });
});
