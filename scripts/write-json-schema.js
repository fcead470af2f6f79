#!/usr/bin/env node
// Writes schemas/course.schema.json, question, lesson, blocks (attributes of ::: blocks), activity and workshop
// schemas from the one zod schema in
// src/schema, so editors autocomplete exactly what the compiler validates.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { z } = require('zod');
const { courseSchema, questionSchema, lessonFrontMatterSchema, blockAttributesSchema, activitySchema, workshopSchema } = require('../build/schema');

const out = path.join(__dirname, '..', 'schemas');
fs.mkdirSync(out, { recursive: true });
const write = (name, schema, title) => {
  const json = { ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }), title };
  fs.writeFileSync(path.join(out, name), JSON.stringify(json, null, 2) + '\n');
};
write('course.schema.json', courseSchema, 'Coursepack course.yaml');
write('question.schema.json', questionSchema, 'Coursepack question block');
write('lesson.schema.json', lessonFrontMatterSchema, 'Coursepack lesson front matter');
write('blocks.schema.json', blockAttributesSchema, 'Coursepack block attributes (::: name key="value")');
write('activity.schema.json', activitySchema, 'Coursepack activity block');
write('workshop.schema.json', workshopSchema, 'Coursepack workshop.yaml');
