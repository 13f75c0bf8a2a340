/*
 * Text shaping for our PDFs with HarfBuzz (the WebAssembly build the harfbuzzjs package ships).
 * We call the wasm's exported C functions ourselves instead of importing harfbuzzjs's JavaScript: that
 * module starts with a top-level await and finds its wasm through `new URL(…, import.meta.url)`, which the
 * Angular build (zone.js lowers async/await) can neither bundle nor serve. The wasm needs only five
 * trivial imports, so a few lines below replace the whole glue.
 */

/** One glyph out of the shaper, in font units (the font's scale is its units per em). */
export interface ShapedGlyph {
  /** Glyph id in the font. */
  gid: number;
  /** UTF-16 index in the shaped text of the first character this glyph belongs to. */
  cluster: number;
  xAdvance: number;
  xOffset: number;
  yOffset: number;
}

interface HbExports {
  memory: WebAssembly.Memory;
  __wasm_call_ctors(): void;
  malloc(size: number): number;
  free(ptr: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_get_upem(face: number): number;
  hb_font_create(face: number): number;
  hb_font_get_nominal_glyph(font: number, codepoint: number, glyph: number): number;
  hb_font_get_glyph_h_advance(font: number, glyph: number): number;
  hb_buffer_create(): number;
  hb_buffer_destroy(buffer: number): void;
  hb_buffer_add_utf16(buffer: number, text: number, length: number, offset: number, itemLength: number): void;
  hb_buffer_guess_segment_properties(buffer: number): void;
  hb_buffer_get_length(buffer: number): number;
  hb_buffer_get_glyph_infos(buffer: number, length: number): number;
  hb_buffer_get_glyph_positions(buffer: number, length: number): number;
  hb_shape(font: number, buffer: number, features: number, featureCount: number): void;
}

const HB_MEMORY_MODE_READONLY = 1;

/** A HarfBuzz instance (one wasm memory); fonts made from it live as long as it does. */
export class HarfBuzz {
  private constructor(private readonly hb: HbExports) {}

  static async load(wasm: ArrayBuffer): Promise<HarfBuzz> {
    // Known once instantiated; the heap only grows after that.
    const heap: { memory?: WebAssembly.Memory } = {};
    const imports = {
      env: {
        _emscripten_runtime_keepalive_clear: () => undefined,
        _abort_js: () => {
          throw new Error('HarfBuzz aborted');
        },
        _setitimer_js: () => 0,
        // The C heap grows through this; returning 0 makes malloc fail cleanly instead.
        emscripten_resize_heap: (requested: number) => {
          const memory = heap.memory;
          if (!memory) return 0;
          const pages = Math.ceil((requested - memory.buffer.byteLength) / 65536);
          try {
            if (pages > 0) memory.grow(pages);
            return 1;
          } catch {
            return 0;
          }
        }
      },
      wasi_snapshot_preview1: {
        proc_exit: (code: number) => {
          throw new Error(`HarfBuzz exited (${code})`);
        }
      }
    };
    const { instance } = await WebAssembly.instantiate(wasm, imports);
    const hb = instance.exports as unknown as HbExports;
    heap.memory = hb.memory;
    hb.__wasm_call_ctors();
    return new HarfBuzz(hb);
  }

  /** A font from TrueType/OpenType bytes (copied into the wasm heap for good). */
  font(bytes: Uint8Array): ShapingFont {
    const hb = this.hb;
    const data = hb.malloc(bytes.length);
    new Uint8Array(hb.memory.buffer, data, bytes.length).set(bytes);
    const blob = hb.hb_blob_create(data, bytes.length, HB_MEMORY_MODE_READONLY, 0, 0);
    const face = hb.hb_face_create(blob, 0);
    const font = hb.hb_font_create(face);
    return new ShapingFont(hb, font, hb.hb_face_get_upem(face));
  }
}

/** A font HarfBuzz shapes with, at a scale of one unit per font unit. */
export class ShapingFont {
  private readonly nominalCache = new Map<number, number>();
  private readonly advanceCache = new Map<number, number>();

  constructor(
    private readonly hb: HbExports,
    private readonly font: number,
    readonly unitsPerEm: number
  ) {}

  /** Shapes one run of text (one script, one direction: the caller splits mixed text). */
  shape(text: string): ShapedGlyph[] {
    const hb = this.hb;
    const buffer = hb.hb_buffer_create();
    const textPtr = hb.malloc(text.length * 2 + 2);
    try {
      const utf16 = new Uint16Array(hb.memory.buffer, textPtr, text.length);
      for (let i = 0; i < text.length; i++) utf16[i] = text.charCodeAt(i);
      hb.hb_buffer_add_utf16(buffer, textPtr, text.length, 0, text.length);
      hb.hb_buffer_guess_segment_properties(buffer);
      hb.hb_shape(this.font, buffer, 0, 0);
      const count = hb.hb_buffer_get_length(buffer);
      // hb_glyph_info_t and hb_glyph_position_t are both five 32-bit fields.
      const infos = new Uint32Array(hb.memory.buffer, hb.hb_buffer_get_glyph_infos(buffer, 0), count * 5);
      const positions = new Int32Array(hb.memory.buffer, hb.hb_buffer_get_glyph_positions(buffer, 0), count * 5);
      const glyphs: ShapedGlyph[] = [];
      for (let i = 0; i < count; i++) {
        glyphs.push({
          gid: infos[i * 5],
          cluster: infos[i * 5 + 2],
          xAdvance: positions[i * 5],
          xOffset: positions[i * 5 + 2],
          yOffset: positions[i * 5 + 3]
        });
      }
      return glyphs;
    } finally {
      hb.free(textPtr);
      hb.hb_buffer_destroy(buffer);
    }
  }

  /** The glyph the font's cmap gives a character (0 when it has none). */
  nominal(codePoint: number): number {
    let gid = this.nominalCache.get(codePoint);
    if (gid === undefined) {
      const out = this.hb.malloc(4);
      gid = this.hb.hb_font_get_nominal_glyph(this.font, codePoint, out) ? new Uint32Array(this.hb.memory.buffer, out, 1)[0] : 0;
      this.hb.free(out);
      this.nominalCache.set(codePoint, gid);
    }
    return gid;
  }

  /** A glyph's advance width (hmtx), in font units: what a PDF viewer moves by after drawing it. */
  advance(gid: number): number {
    let advance = this.advanceCache.get(gid);
    if (advance === undefined) {
      advance = this.hb.hb_font_get_glyph_h_advance(this.font, gid);
      this.advanceCache.set(gid, advance);
    }
    return advance;
  }
}
