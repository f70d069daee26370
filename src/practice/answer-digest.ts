/**
 * A practice sheet's answer cells are not stored cell by cell: they follow from the config,
 * the difficulty and the seed (the same choice that made the sheet), so the marker keeps
 * only a short digest of them. A maximum "everything" sheet used to carry about 1,400
 * marker properties (350 KB) that every action read back; now it carries two or three.
 * The digest still catches a marker written by a builder that would blank other cells.
 */
/** Count and 32-bit FNV-1a hash of the addresses: "1373:9f3a0c1e". */
export function answerDigest(addresses: readonly string[]): string {
  let hash = 0x811c9dc5;
  for (const address of addresses) {
    for (let i = 0; i < address.length; i++) {
      hash ^= address.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    hash ^= 0x2c; // ',' between addresses
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${addresses.length}:${hash.toString(16).padStart(8, '0')}`;
}
