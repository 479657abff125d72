/**
 * The demo company and its past year, made through the features' own services at start-up in demo mode only.
 *
 * <p>May call: any feature; nothing calls it but the start-up.
 */
package org.everyoneserves.demo;
