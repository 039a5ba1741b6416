// Kupyna-256: the hash function of DSTU 7564:2014 with a 256-bit output (512-bit state, 10 rounds),
// for DSTU 4145 signatures that name it. Neither jkurwa nor gost89 implements DSTU 7564, so this is
// a small one-shot implementation over whole bytes. It is hashing only (S-boxes, a circulant MDS
// matrix over GF(2^8), additions mod 2^64), no elliptic-curve arithmetic. The S-boxes, the MDS row,
// the reduction polynomial, the round constants and the initial value are those of the standard as
// its authors' reference implementation carries them (github.com/Roman-Oliynykov/Kupyna-reference,
// tables.c, kupyna.h, kupyna.c); the test vectors are in kupyna.test.ts. Browser-safe.

const ROWS = 8;
const COLUMNS = 8;
const STATE_BYTES = ROWS * COLUMNS;
const ROUNDS = 10;
/** x^8 + x^4 + x^3 + x^2 + 1 */
const REDUCTION_POLYNOMIAL = 0x11d;
/** The first row of the circulant MDS matrix; row r is this row rotated right by r. */
const MDS_ROW = [0x01, 0x01, 0x05, 0x01, 0x08, 0x06, 0x07, 0x04] as const;

const hex = (text: string) => Uint8Array.from(text.match(/../g)!, (pair) => parseInt(pair, 16));

/** π0…π3; row i of the state goes through π(i mod 4). */
const SBOXES = [
  hex(
    "a8435f066b756c5971df879517f0d8096df31dcbc94d2caf79e097fd6f4b4539" +
      "3edda34fb4b69a0e1fbf15e149d293c692729e61d163faeef419d5ad58a4bba1" +
      "dcf2833742e47a329cccab4a8f6e04272ee7e25a9616232bc265660fbca94741" +
      "3448fcb76a88a55386f95bdb387bc31e2233242836c7b23b8e77baf5149f0855" +
      "9b4cfe605cda1846cd7d21b03f1b89ffeb84693a9dd7d3706740b5de5d3091b1" +
      "781101e5006898a0c502a6742d0ba276b3becebdaee98a311cecf19994aaf626" +
      "2fefe88c3503d47ffb05c15e90203d82f7ea0a0d7ef8501ac40757b83c62e3c8" +
      "ac526410d0d9130c122951b9cfd6738d8154c0ed4e44a72a8525e6ca7c8b5680",
  ),
  hex(
    "cebbeb92eacb13c1e93ad6b2d29017f8421556b4651c8843c55c36baf557678d" +
      "31f664589ef422aa750f02b1df6d734d7c262ef7085d443e9f14c8ae5410d8bc" +
      "1a6b69f3bd33abfad19b684e169591ee4c638e5bcc3c19a181497bd96f3760ca" +
      "e72b48fd9645fc41120d79e5898ce32030dcb76c4ab53f97d4622d06a4a5835f" +
      "2adac9007ea255bf11d59ccf0e0a3d517d931bfec44709860b8f9d6a07b9b098" +
      "1832714bef3b70a0e440ffc3a9e678f98b46801e38e1b8a8e00c23761d252405" +
      "f16e94289a84e8a34f77d385e252f282507a2f7453b361af3935decd1f99acad" +
      "722cddd087be5ea6ec04c60334fbdb59b6c201f05aeda766217f8a27c7c029d7",
  ),
  hex(
    "93d99ab5982245fcba6adf029fdc51594a172bc294f4bba362e471d4cd7016e1" +
      "493cc0d85c9bad8553a17ac82de0d172a62cc4e37678b7b4093b0e414cdeb290" +
      "25a5d7031100c32e92ef4e129d7dcb3510d54f9e4da955c6d07b1897d336e648" +
      "56818f77cc9cb9e2acb82f15a47cda381e0b05d6146e6c7e66fdb1e560af5e33" +
      "87c9f05d6d3f888dc7f71de9eced802927cf99a8500f3724283095d23e5b4083" +
      "b369571f071c8abc20ebce8eabee31a273f9ca3a1afb0dc1fefaf26fbd96dd43" +
      "52b608f3aebe19893226b0ea4b6484826bf579bf015f75631b233d682a65e891" +
      "f6ff1358f1470a7fc5a7e7615a0646444204a0db398654aa8c34218bf80c7467",
  ),
  hex(
    "688dca4d734b4e2ad45226b3541e191f2203463d2d4a5383138ab7d52579f5bd" +
      "582f0d02ed519e11f23e555ed1163c66705df34540cce8945608ce1a3ad2e1df" +
      "b5386e0ee5f4f986e94fd68523cf32993114aeeec848d330a19241b118c42c71" +
      "724415fd37be5faa9b88d8ab899cfa60eabc620c24a6a8ec6720db7c28ddac5b" +
      "347e10f17b8f63a0059a437721bf2709c39fb6d729c2ebc0a48b8c1dfbffc1b2" +
      "972ef865f67507044933e4d9b9d042c76c90008e6f5001c5da473fcd69a2e27a" +
      "a7c6930f0a06e62b96a31caf6a128439e7b082f7fe9d875c8135deb4a5fc80ef" +
      "cbbb6b76ba5a7d780b95e3ad74983b36646ddcf059a94c177f91b8c9571be061",
  ),
];

/** a·b in GF(2^8) modulo the reduction polynomial. */
function multiply(a: number, b: number): number {
  let result = 0;
  for (let bit = 0; bit < 8; bit++) {
    if (b & 1) result ^= a;
    a = a & 0x80 ? (a << 1) ^ REDUCTION_POLYNOMIAL : a << 1;
    b >>= 1;
  }
  return result;
}

/** MIX[row * 8 + column][x] = MDS[row][column] · x: MixColumns by table lookups. */
const MIX: Uint8Array[] = [];
for (let row = 0; row < ROWS; row++) {
  for (let column = 0; column < ROWS; column++) {
    const coefficient = MDS_ROW[(column - row + ROWS) % ROWS]!;
    MIX.push(Uint8Array.from({ length: 256 }, (_, x) => multiply(x, coefficient)));
  }
}

// The state is 8 columns of 8 bytes, column-major: byte (column c, row r) at c * 8 + r, the order
// in which a message block fills it.

function subShiftMix(state: Uint8Array, scratch: Uint8Array): void {
  // SubBytes and ShiftBytes (row r rotates right by r columns) into scratch…
  for (let column = 0; column < COLUMNS; column++) {
    for (let row = 0; row < ROWS; row++) {
      scratch[((column + row) % COLUMNS) * ROWS + row] = SBOXES[row & 3]![state[column * ROWS + row]!]!;
    }
  }
  // …then MixColumns back into state.
  for (let column = 0; column < COLUMNS; column++) {
    const at = column * ROWS;
    for (let row = 0; row < ROWS; row++) {
      let product = 0;
      for (let b = 0; b < ROWS; b++) product ^= MIX[row * ROWS + b]![scratch[at + b]!]!;
      state[at + row] = product;
    }
  }
}

/** The permutation T⊕ (P): round constants XORed into row 0. */
function permuteXor(state: Uint8Array, scratch: Uint8Array): void {
  for (let round = 0; round < ROUNDS; round++) {
    for (let column = 0; column < COLUMNS; column++) state[column * ROWS]! ^= (column << 4) ^ round;
    subShiftMix(state, scratch);
  }
}

/** The permutation T+ (Q): each column, as a little-endian 64-bit word, plus a round constant mod 2^64. */
function permuteAdd(state: Uint8Array, scratch: Uint8Array): void {
  for (let round = 0; round < ROUNDS; round++) {
    for (let column = 0; column < COLUMNS; column++) {
      // 0x00F0F0F0F0F0F0F3 ^ ((((COLUMNS - column - 1) * 0x10) ^ round) << 56), byte by byte from the low end.
      const top = (((COLUMNS - column - 1) << 4) ^ round) & 0xff;
      let carry = 0;
      for (let row = 0; row < ROWS; row++) {
        const constant = row === 0 ? 0xf3 : row === ROWS - 1 ? top : 0xf0;
        const sum = state[column * ROWS + row]! + constant + carry;
        state[column * ROWS + row] = sum & 0xff;
        carry = sum >>> 8;
      }
    }
    subShiftMix(state, scratch);
  }
}

/** The message, a single 1 bit, zeros, and the message length in bits (96 bits, little-endian), to whole blocks. */
function pad(message: Uint8Array): Uint8Array {
  const total = Math.ceil((message.length + 1 + 12) / STATE_BYTES) * STATE_BYTES;
  const padded = new Uint8Array(total);
  padded.set(message);
  padded[message.length] = 0x80;
  // Bit length, little-endian; JavaScript arrays stay far below 2^53 bits.
  let bits = message.length * 8;
  for (let index = total - 12; index < total && bits > 0; index++) {
    padded[index] = bits % 256;
    bits = Math.floor(bits / 256);
  }
  return padded;
}

/** Kupyna-256 (DSTU 7564:2014) of whole bytes. */
export function kupyna256(message: Uint8Array): Uint8Array {
  const state = new Uint8Array(STATE_BYTES);
  // The initial value: the state's size in bytes in its first byte.
  state[0] = STATE_BYTES;
  const p = new Uint8Array(STATE_BYTES);
  const q = new Uint8Array(STATE_BYTES);
  const scratch = new Uint8Array(STATE_BYTES);
  const padded = pad(message);
  for (let offset = 0; offset < padded.length; offset += STATE_BYTES) {
    for (let index = 0; index < STATE_BYTES; index++) {
      const byte = padded[offset + index]!;
      p[index] = state[index]! ^ byte;
      q[index] = byte;
    }
    permuteXor(p, scratch);
    permuteAdd(q, scratch);
    for (let index = 0; index < STATE_BYTES; index++) state[index]! ^= p[index]! ^ q[index]!;
  }
  // Output transformation: T⊕(state) ⊕ state, truncated to its last 256 bits.
  p.set(state);
  permuteXor(p, scratch);
  for (let index = 0; index < STATE_BYTES; index++) state[index]! ^= p[index]!;
  return state.slice(STATE_BYTES - 32);
}
