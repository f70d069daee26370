/**
 * Notes (ExcelApi 1.18) for the real Office.js request builder. The Excel script shipped in
 * `@microsoft/office-js` predates them (Excel loads the newer script from its CDN), so the
 * strict double would answer `sheet.notes` with undefined. This adds `Excel.NoteCollection`
 * and `Excel.Note` to the loaded window exactly as Office.js generates its classes (the
 * same helpers, object paths and actions as its `CommentCollection` / `Comment`), with the
 * members @types/office-js declares for 1.18: `Worksheet.notes` and `Workbook.notes`;
 * `add(cellAddress, content)`, `getItem(address)`, `getItemAt(index)`,
 * `getItemOrNullObject(address)`, `getCount()`, `items`; a note's `content` (settable),
 * `authorName`, `visible`, `height`, `width`, `delete()` and `getLocation()`. What Excel
 * then does with those requests (one note per cell, a single-cell address) is the fake's,
 * which models a worksheet's notes; the workbook's collection and a note's `getLocation`
 * are built here but answered NotImplemented, as the add-in does not use them.
 */

/* eslint-disable @typescript-eslint/no-explicit-any -- Office.js's runtime classes are untyped here */

interface OfficeRuntime {
  Excel: Record<string, any>;
  OfficeExtension: Record<string, any>;
}

const NOTE_PROPERTIES = ['content', 'authorName', 'visible', 'height', 'width'] as const;
const NOTE_ORIGINAL = ['Content', 'AuthorName', 'Visible', 'Height', 'Width'] as const;
/** Which of them a setter sends (authorName is read-only). */
const NOTE_UPDATEABLE = [true, false, true, true, true] as const;

/** Office.js's helpers and base class, as its generated code names them. */
function runtimeParts(window: OfficeRuntime) {
  const { Excel, OfficeExtension: OE } = window;
  return {
    Excel,
    OE,
    H: OE.BatchApiHelper,
    U: OE.Utility,
    ClientObject: OE.ClientObject as new (...args: any[]) => any,
  };
}

/** `Excel.Note`: its scalar properties, delete, getLocation, load. */
function noteClass(window: OfficeRuntime) {
  const { Excel, H, U, ClientObject } = runtimeParts(window);
  class Note extends ClientObject {
    get _className() {
      return 'Note';
    }
    get _scalarPropertyNames() {
      return [...NOTE_PROPERTIES];
    }
    get _scalarPropertyOriginalNames() {
      return [...NOTE_ORIGINAL];
    }
    get _scalarPropertyUpdateable() {
      return [...NOTE_UPDATEABLE];
    }
    delete(): void {
      H.invokeMethod(this, 'Delete', 0, [], 0, 0);
    }
    getLocation(): any {
      return H.createMethodObject(Excel.Range, this, 'GetLocation', 1, [], false, true, null, 4);
    }
    set(properties: Record<string, unknown>, options?: unknown): void {
      this._recursivelySet(properties, options, ['content', 'visible', 'height', 'width'], [], []);
    }
    _handleResult(value: any): void {
      super._handleResult(value);
      if (U.isNullOrUndefined(value)) return;
      U.fixObjectPathIfNecessary(this, value);
      NOTE_ORIGINAL.forEach((original, i) => {
        if (!U.isUndefined(value[original])) this[`_${NOTE_PROPERTIES[i]}`] = value[original];
      });
    }
    load(options?: unknown): any {
      return U.load(this, options);
    }
    toJSON(): unknown {
      return U.toJson(this, Object.fromEntries(NOTE_PROPERTIES.map((p) => [p, this[`_${p}`]])), {});
    }
  }
  NOTE_PROPERTIES.forEach((name, i) => {
    Object.defineProperty(Note.prototype, name, {
      get(this: any) {
        U.throwIfNotLoaded(name, this[`_${name}`], 'Note', this._isNull);
        return this[`_${name}`];
      },
      set: NOTE_UPDATEABLE[i]
        ? function (this: any, value: unknown) {
            this[`_${name}`] = value;
            H.invokeSetProperty(this, NOTE_ORIGINAL[i], value, 0);
          }
        : undefined,
      enumerable: true,
      configurable: true,
    });
  });

  return Note;
}

/** `Excel.NoteCollection`: add, the getters, getCount, items, load. */
function noteCollectionClass(window: OfficeRuntime) {
  const { Excel, OE, H, U, ClientObject } = runtimeParts(window);
  class NoteCollection extends ClientObject {
    get _className() {
      return 'NoteCollection';
    }
    get _isCollection() {
      return true;
    }
    get items(): any[] {
      U.throwIfNotLoaded('items', this.m__items, 'NoteCollection', this._isNull);
      return this.m__items;
    }
    add(cellAddress: unknown, content: unknown): any {
      return H.createMethodObject(Excel.Note, this, 'Add', 0, [cellAddress, content], false, true, null, 0);
    }
    getCount(): any {
      return H.invokeMethod(this, 'GetCount', 1, [], 4, 0);
    }
    getItem(key: string): any {
      return H.createIndexerObject(Excel.Note, this, [key]);
    }
    getItemAt(index: number): any {
      return H.createMethodObject(Excel.Note, this, 'GetItemAt', 1, [index], false, false, null, 4);
    }
    getItemOrNullObject(key: string): any {
      return H.createMethodObject(Excel.Note, this, 'GetItemOrNullObject', 1, [key], false, false, null, 4);
    }
    _handleResult(value: any): void {
      super._handleResult(value);
      if (U.isNullOrUndefined(value)) return;
      U.fixObjectPathIfNecessary(this, value);
      const data = value[OE.Constants.items];
      if (U.isNullOrUndefined(data)) return;
      this.m__items = (data as unknown[]).map((d, i) => {
        const item = H.createChildItemObject(Excel.Note, true, this, d, i);
        item._handleResult(d);
        return item;
      });
    }
    load(options?: unknown): any {
      return U.load(this, options);
    }
    toJSON(): unknown {
      return U.toJson(this, {}, {}, this.m__items);
    }
  }

  return NoteCollection;
}

export function installNotes(window: OfficeRuntime): void {
  const { Excel, H } = runtimeParts(window);
  if (Excel.NoteCollection) return;
  Excel.Note = noteClass(window);
  Excel.NoteCollection = noteCollectionClass(window);
  for (const owner of [Excel.Worksheet, Excel.Workbook]) {
    Object.defineProperty(owner.prototype, 'notes', {
      get(this: any) {
        if (!this.m_notes)
          this.m_notes = H.createPropertyObject(Excel.NoteCollection, this, 'Notes', true, 4);
        return this.m_notes;
      },
      enumerable: true,
      configurable: true,
    });
  }
}
