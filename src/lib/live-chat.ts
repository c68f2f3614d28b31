/** A role a live chat volunteer signs up for in a time slot (SUMO blog, "How Live Chat fits into SUMO"). */
export interface LiveChatRole {
  /** The role's name. */
  name: string;
  /** What someone in this role does during their slot. */
  does: string;
  /**
   * Whether people in this role take users' questions themselves. The post says so of Advisors
   * (they do not) and Helpers (they do). The other two are our reading: Room monitors are among
   * the people it says ensure quality service rather than answer, and an Anchor is there so that
   * users are never without a helper.
   */
  answersUsers: boolean;
  /** Whether the role commits to a whole block of time. */
  wholeBlock: boolean;
}

/** The four roles of a live chat shift. The shift planner will schedule these. */
export const liveChatRoles: readonly LiveChatRole[] = [
  { name: 'Advisor', does: 'Backs up the helpers on shift. Advisors are senior helpers or other people from the community, and they do not take user questions themselves.', answersUsers: false, wholeBlock: false },
  { name: 'Helper', does: 'Most volunteers: they take questions from users and join the discussion in #sumo.', answersUsers: true, wholeBlock: false },
  { name: 'Anchor', does: 'Commits to a whole block of time so that no user is ever left waiting without a helper.', answersUsers: true, wholeBlock: true },
  { name: 'Room monitor', does: 'Keeps an eye on the chats under way: a seasoned helper who notes down anything newly learned, checks that the advice is right, and sees that helpers talk issues over in #sumo.', answersUsers: false, wholeBlock: false },
];
