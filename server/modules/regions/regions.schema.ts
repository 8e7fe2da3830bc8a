// What a request may say about a place: a region of the reference list (or null to clear it) and a free-text city.
import Joi from 'joi';
import { REGION_CODES } from '../../shared/regions.js';

/** One of REGION_CODES or null; anything else is a 400 naming the field with joi's type `any.only`. */
export const regionCodeSchema = Joi.string().valid(...REGION_CODES, null);

/** The city stays free text (a village may not be in the list of main cities). */
export const citySchema = Joi.string().trim().max(100).allow('', null).empty(['', null]);
