// The sandbox's setup file. The library loads first, so that whatever it (or a
// package it uses) installs on the globals counts as the baseline; then
// `integrity` notes that baseline before any learner code runs.
import '../../lib';
import './integrity';

