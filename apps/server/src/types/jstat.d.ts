// jstat ships no types; only the distributions the experiments statistics use are declared (ADR 0116).
declare module 'jstat' {
  interface Distribution {
    cdf(x: number, ...params: number[]): number;
    inv(p: number, ...params: number[]): number;
  }
  export const jStat: {
    normal: Distribution;
    chisquare: Distribution;
  };
}
