"""Make the captioned video of a handout for TVs and signage players: slides drawn with Pillow (slides.py) and
the MP4 made with imageio-ffmpeg's ffmpeg (mp4.py); takes plain data (texts, times, files), no other wing's."""
