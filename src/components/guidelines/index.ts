// What MDX pages use to show program data. Each component reads a policy pack, so a change to
// the pack changes every page that shows it.
export { default as AccountsTable } from './AccountsTable.astro';
export { default as ChangedNote } from './ChangedNote.astro';
export { default as ClosingReasons } from './ClosingReasons.astro';
export { default as Clipping } from './Clipping.astro';
export { default as DecisionSteps } from './DecisionSteps.astro';
export { default as EscalationDestinations } from './EscalationDestinations.astro';
export { default as EscalationTriggers } from './EscalationTriggers.astro';
export { default as FromRelated } from './FromRelated.astro';
export { default as HoldReasons } from './HoldReasons.astro';
export { default as LiveChatRoles } from './LiveChatRoles.astro';
export { default as NoReplyKinds } from './NoReplyKinds.astro';
export { default as OurReading } from './OurReading.astro';
export { default as PackValue } from './PackValue.astro';
export { default as PaidProducts } from './PaidProducts.astro';
export { default as ProductRooms } from './ProductRooms.astro';
export { default as QueuesTable } from './QueuesTable.astro';
export { default as RoutingTable } from './RoutingTable.astro';
export { default as RuleNote } from './RuleNote.astro';
export { default as RulesIndex } from './RulesIndex.astro';
export { default as SupportedLanguages } from './SupportedLanguages.astro';
export { default as TagsTable } from './TagsTable.astro';
export { default as UserTagsTable } from './UserTagsTable.astro';
export { default as WhatChanged } from './WhatChanged.astro';
