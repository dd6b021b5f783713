// jstat ships no types; only the distributions the experiments statistics use are declared (ADR 0116). It is a
// CommonJS module, so Node's ESM loader offers it as the default export only.
declare module 'jstat' {
  interface Distribution {
    cdf(x: number, ...params: number[]): number;
    inv(p: number, ...params: number[]): number;
  }
  const jstat: {
    jStat: {
      normal: Distribution;
      chisquare: Distribution;
    };
  };
  export default jstat;
}
