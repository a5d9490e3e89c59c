// The sandbox's setup file. The library loads first, so that whatever it (or a
// package it uses) installs on the globals counts as the baseline; then
// `integrity` notes that baseline before any learner code runs, and `seal`
// keeps vitest's state (and its module cache, which holds the library) from it.
import '../../lib';
import './integrity';
import './seal';
