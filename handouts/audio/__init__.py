"""Make the listening forms of a plain handout: narration script, spoken text, mastering, MP3 tags, captions and playlist; speaks through speech/ and uses language/."""
