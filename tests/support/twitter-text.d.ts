// twitter-text ships no types; the tests use one function of it.
declare module 'twitter-text' {
  /** What twitter-text reports about a tweet's length. */
  interface ParsedTweet {
    weightedLength: number;
    valid: boolean;
  }
  const twitter: { parseTweet(text: string): ParsedTweet };
  export default twitter;
}
