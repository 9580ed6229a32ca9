import { useEffect, useState } from 'react';
import './App.css';
import { Greet } from '../wailsjs/go/main/App';
import { EventsEmit } from '../wailsjs/runtime/runtime';

// The react-ts template's screen without its images, plus the same "screen rendered"
// event the ICM app sends (see ../../main.go).
function App() {
  const [resultText, setResultText] = useState('Please enter your name below 👇');
  const [name, setName] = useState('');
  useEffect(() => {
    requestAnimationFrame(() => requestAnimationFrame(() => EventsEmit('app:screen-ready', window.location.hash)));
  }, []);
  return (
    <div id="App">
      <div id="result" className="result">{resultText}</div>
      <div id="input" className="input-box">
        <input id="name" className="input" onChange={(e) => setName(e.target.value)} autoComplete="off" name="input" type="text" />
        <button className="btn" onClick={() => Greet(name).then(setResultText)}>Greet</button>
      </div>
    </div>
  );
}

export default App;
