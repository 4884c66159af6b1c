/**
 * Unit rosters: the departments, districts, communes, neighbourhoods and agencies that compete, with
 * their block and staff headcount, imported from CSV and kept as dated versions so merges and splits
 * (the 2025 commune reorganisation) never rewrite what a past contest was published with.
 */
package vn.cchc.registration.roster;
