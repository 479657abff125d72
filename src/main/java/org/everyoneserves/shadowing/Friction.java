package org.everyoneserves.shadowing;

/**
 * The kinds of friction a shadow can tag in a reflection. A fixed list, so that themes can be counted across the
 * organisation; each has a label in the message bundle ({@code friction.<NAME>}).
 */
public enum Friction {
    HANDOFF, WAITING, MISSING_INFORMATION, TOOLS, POLICY, JARGON, REPEAT_CONTACT, PROMISES, ACCESS, KNOWLEDGE
}
