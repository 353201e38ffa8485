/** OpenCC's dictionaries as opencc-js ships them (`opencc-js/dict/<name>`): `source target|…` pairs in one string. */
declare module 'opencc-js/dict/*' {
  const dict: string;
  export default dict;
}
